import { expect, type Page } from '@playwright/test';
import { HtmlValidate } from 'html-validate';

/*
 * The rules every page must keep: html-validate's recommended set, less the ones that judge
 * style rather than correctness (how Svelte writes attributes and void elements, inline
 * styles it sets for transitions) or that the page cannot help (the DOM as serialised after
 * scripts ran).
 */
const validator = new HtmlValidate({
	extends: ['html-validate:recommended'],
	rules: {
		'attribute-boolean-style': 'off',
		'attribute-empty-style': 'off',
		'void-style': 'off',
		'no-trailing-whitespace': 'off',
		'no-inline-style': 'off',
		'long-title': 'off',
		'prefer-native-element': 'off',
		'doctype-style': 'off',
		'no-redundant-role': 'off',
		// A group of checkboxes shares one name, as HTML intends (the server reads getAll).
		'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
		// Telephone links carry class "tel", which keeps them on one line (white-space: nowrap).
		'tel-non-breaking': ['error', { ignoreClasses: ['tel'] }]
	}
});

/** Validates the page's markup as the browser holds it and fails with every problem listed. */
export async function expectValidHtml(page: Page) {
	const report = await validator.validateString(await page.content());
	const problems = report.results.flatMap((r) =>
		r.messages.map((m) => `${m.ruleId}: ${m.message} [${m.selector ?? `line ${m.line}`}]`)
	);
	expect(problems, `HTML validation on ${page.url()}`).toEqual([]);
}
