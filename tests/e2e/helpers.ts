import AxeBuilder from '@axe-core/playwright';
import { expectValidHtml } from './html-validation.ts';
import { expect, type Page } from '@playwright/test';
import { SMTP_SINK } from '../../playwright.config.ts';

export const DEMO_PASSWORD = 'recovery-demo-2026';
export const SIGN_OUT = /^(Sign out|Odhlásit se|Вийти)$/;

/**
 * Runs axe with the WCAG 2.x A/AA rules and validates the markup (html-validation.ts); fails
 * with the violations and problems listed.
 */
export async function expectAccessible(page: Page) {
	await expectValidHtml(page);
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`
	);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** The newest email the SMTP peer received for `to`, waiting for it to arrive. */
export async function latestEmail(
	to: string,
	after = 0
): Promise<{ subject: string; text: string }> {
	for (let i = 0; i < 50; i++) {
		const res = await fetch(`${SMTP_SINK}/messages?to=${encodeURIComponent(to)}`);
		const list = (await res.json()) as { subject: string; text: string }[];
		if (list.length > after) return list[list.length - 1];
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`no email for ${to}`);
}

export async function emailCount(to: string): Promise<number> {
	const res = await fetch(`${SMTP_SINK}/messages?to=${encodeURIComponent(to)}`);
	return ((await res.json()) as unknown[]).length;
}

export function firstLink(text: string): string {
	const m = text.match(/https?:\/\/\S+/);
	if (!m) throw new Error('no link in email');
	return m[0];
}

export async function signInWithPassword(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/sign-in');
	const form = page.getByRole('region', { name: 'With your password' });
	await form.getByLabel('Email address').fill(email);
	await form.getByLabel('Password', { exact: true }).fill(password);
	await form.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('button', { name: SIGN_OUT })).toBeVisible();
}

/**
 * The participant's answer was taken: the thanks, or the refreshed panel that replaces it as
 * soon as the "answered" news arrives ("You have answered."), whichever the page shows first.
 */
export async function expectAnswerTaken(page: Page) {
	await expect(
		page.getByText(/^(Thank you, your answer is in\.|You have answered\.)$/).first()
	).toBeVisible();
}

/** As expectAnswerTaken, for a pass: the thanks, or the refreshed "You passed on this activity." */
export async function expectPassTaken(page: Page) {
	await expect(
		page.getByText(/^(You passed\. That is always fine\.|You passed on this activity\.)$/).first()
	).toBeVisible();
}
