import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createAuth, type Auth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import { enrolments } from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makeCohort } from '../testing/cohort-fixtures.ts';
import { makePerson } from '../testing/factories.ts';
import { joinCohort } from './join-cohort.ts';
import { updateCohortProfile } from './update-cohort-profile.ts';
import { withdrawSpecialCategoryConsent } from './withdraw-special-category-consent.ts';

let h: DbHandle;
let auth: Auth;
const cfg = testConfig();

beforeAll(async () => {
	h = await createTestDb();
	auth = createAuth(h.db, cfg);
});
afterAll(async () => {
	await h?.close();
});

async function place() {
	const c = await makeCohort(h.db, { cfg, auth });
	const p = await makePerson(h.db, auth, { organisationId: c.org.id });
	await joinCohort(h.db, cfg, { cohortId: c.cohort.id, userId: p.id, via: 'invitation' });
	const read = async () =>
		(
			await h.db
				.select()
				.from(enrolments)
				.where(and(eq(enrolments.cohortId, c.cohort.id), eq(enrolments.userId, p.id)))
		)[0];
	return { id: (await read()).id, read };
}

const base = {
	displayName: 'Robin',
	pronouns: null,
	background: null,
	backgroundVisibility: 'nobody' as const,
	accessNeeds: null,
	consent: false
};

describe('consent for the special-category fields', () => {
	it('refuses background or access needs without consent and changes nothing', async () => {
		const e = await place();
		const before = await e.read();
		expect(
			await updateCohortProfile(h.db, e.id, { ...base, accessNeeds: 'Captions, please' })
		).toEqual({ ok: false, reason: 'consent-required' });
		expect(
			await updateCohortProfile(h.db, e.id, {
				...base,
				background: 'lived_experience',
				backgroundVisibility: 'cohort'
			})
		).toEqual({ ok: false, reason: 'consent-required' });
		expect(await e.read()).toEqual(before);
		// Nothing special to keep: no consent needed ("prefer not to say" reveals nothing).
		expect(
			await updateCohortProfile(h.db, e.id, { ...base, background: 'prefer_not_to_say' })
		).toEqual({ ok: true });
		expect(await e.read()).toMatchObject({
			displayName: 'Robin',
			background: 'prefer_not_to_say',
			specialCategoryConsentAt: null
		});
	});

	it('keeps the time of the first consent, and withdrawal clears both fields and the time', async () => {
		const e = await place();
		const t1 = new Date('2026-12-01T10:00:00Z');
		expect(
			await updateCohortProfile(
				h.db,
				e.id,
				{
					...base,
					background: 'lived_experience',
					backgroundVisibility: 'facilitators',
					accessNeeds: 'Captions, please',
					consent: true
				},
				t1
			)
		).toEqual({ ok: true });
		expect(await e.read()).toMatchObject({
			background: 'lived_experience',
			accessNeeds: 'Captions, please',
			specialCategoryConsentAt: t1
		});
		// A later save need not tick the box again, and does not move the consent time.
		expect(
			await updateCohortProfile(
				h.db,
				e.id,
				{ ...base, accessNeeds: 'Breaks every hour', consent: false },
				new Date('2026-12-05T10:00:00Z')
			)
		).toEqual({ ok: true });
		expect((await e.read()).specialCategoryConsentAt).toEqual(t1);

		expect(await withdrawSpecialCategoryConsent(h.db, e.id)).toEqual({ ok: true });
		expect(await e.read()).toMatchObject({
			displayName: 'Robin',
			background: null,
			backgroundVisibility: 'nobody',
			accessNeeds: null,
			specialCategoryConsentAt: null
		});
		// After withdrawal, filling them in again asks for consent again.
		expect(await updateCohortProfile(h.db, e.id, { ...base, accessNeeds: 'Again' })).toEqual({
			ok: false,
			reason: 'consent-required'
		});
	});
});
