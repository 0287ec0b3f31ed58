import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { crisisPanel, isStale, type CrisisPanel } from './crisis-panel.ts';
import { crisisCoverage } from './crisis-coverage.ts';
import { setOrganisationCountry } from '../organisations/set-organisation-country.ts';
import { makeOrganisation, makePerson } from '../testing/factories.ts';
import { makeCohort } from '../testing/cohort-fixtures.ts';
import { joinCohort } from '../enrolment/join-cohort.ts';
import { cancelCohort } from '../cohorts/cancel-cohort.ts';
import { crisisResourceInput } from './crisis-resource-input.ts';
import { listCrisisResources } from './crisis-resources.queries.ts';
import {
	addCrisisResource,
	markCrisisResourceVerified,
	removeCrisisResource
} from './maintain-crisis-resources.ts';
import { seedCrisisResources } from './seed-crisis-resources.ts';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDb();
});
afterAll(async () => {
	await h?.close();
});

const valid = {
	country: 'cz',
	locale: 'cs',
	name: 'Zkušební linka',
	phone: '+420 000 000 000',
	chatUrl: '',
	hours: '',
	notes: '',
	sourceUrl: '',
	lastVerifiedAt: '2026-11-01',
	verifiedBy: 'Tester'
};

describe('crisis resources', () => {
	it('seeds exactly the verified Dutch lines once, dated by their sources', async () => {
		const org = await makeOrganisation(h.db);
		expect(await seedCrisisResources(h.db, org.id)).toBe(3);
		expect(await seedCrisisResources(h.db, org.id)).toBe(0);
		const rows = await listCrisisResources(h.db, org.id);
		expect(rows.map((r) => [r.country, r.phone])).toEqual([
			['NL', '113'],
			['NL', '0800-0113'],
			['NL', '112']
		]);
		expect(rows.every((r) => r.lastVerifiedAt === '2020-07-07' && r.verifiedBy)).toBe(true);
	});

	it('shows only the person’s and the organisation’s countries, each under its name, never another country’s lines as theirs', async () => {
		const org = await makeOrganisation(h.db);
		await seedCrisisResources(h.db, org.id);
		const now = new Date('2026-11-24T12:00:00Z');
		const panel = (locale: string, personCountry: string | null, signedIn = true) =>
			crisisPanel(h.db, { organisationId: org.id, locale, personCountry, signedIn }, now);
		const view = (p: CrisisPanel) =>
			p.countries.map((c) => [c.code, c.name, c.verified, c.entries.length]);

		// Nobody has said where they are: no lines at all (the page says to call the local
		// emergency number), not the Dutch ones the organisation happens to keep.
		expect(await panel('cs', null)).toEqual({ countries: [], askCountry: true });
		expect((await panel('uk', null, false)).askCountry).toBe(false);

		// A Ukrainian participant: her country, unverified and empty, under its own name.
		expect(view(await panel('uk', 'UA'))).toEqual([['UA', 'Україна', false, 0]]);

		// The organisation works in the Netherlands: its lines come second, named, and still
		// unverified (the seed's sources are from 2020).
		await setOrganisationCountry(h.db, org.id, 'NL');
		expect(view(await panel('uk', 'UA'))).toEqual([
			['UA', 'Україна', false, 0],
			['NL', 'Нідерланди', false, 3]
		]);
		expect(view(await panel('en', null))).toEqual([['NL', 'Netherlands', false, 3]]);
		expect((await panel('en', null)).countries[0].entries.every((e) => e.stale)).toBe(true);

		// A Czech line checked this month makes Czechia verified, for Czech viewers only.
		await addCrisisResource(
			h.db,
			org.id,
			null as unknown as string,
			crisisResourceInput.parse(valid)
		);
		const cs = await panel('cs', 'CZ');
		expect(view(cs)).toEqual([
			['CZ', 'Česko', true, 1],
			['NL', 'Nizozemsko', false, 3]
		]);
		expect(cs.askCountry).toBe(false);
		expect(view(await panel('uk', 'UA')).map((c) => c[0])).toEqual(['UA', 'NL']);
		expect(isStale('2026-05-28', now)).toBe(false);
		expect(isStale('2026-05-27', now)).toBe(true);
	});

	it('tells admins which countries and languages of their running groups have no checked line', async () => {
		const cfg = testConfig();
		const c = await makeCohort(h.db, { cfg, now: new Date() });
		await setOrganisationCountry(h.db, c.org.id, 'CZ');
		const olena = await makePerson(h.db, c.auth, { organisationId: c.org.id, country: 'UA' });
		const nobody = await makePerson(h.db, c.auth, { organisationId: c.org.id });
		for (const p of [olena, nobody]) {
			await joinCohort(h.db, cfg, { cohortId: c.cohort.id, userId: p.id, via: 'invitation' });
		}
		// The group is held in English; nothing is listed yet.
		expect(await crisisCoverage(h.db, c.org.id)).toEqual({
			organisationCountry: 'CZ',
			missingCountries: ['CZ', 'UA'],
			missingLanguages: ['en']
		});
		// A checked Czech line written in Czech covers Czechia, not Ukraine nor English.
		await addCrisisResource(h.db, c.org.id, null as unknown as string, {
			...crisisResourceInput.parse(valid),
			lastVerifiedAt: new Date().toISOString().slice(0, 10)
		});
		expect(await crisisCoverage(h.db, c.org.id)).toMatchObject({
			missingCountries: ['UA'],
			missingLanguages: ['en']
		});
		// A stale entry does not count; a cancelled group no longer counts at all.
		await addCrisisResource(h.db, c.org.id, null as unknown as string, {
			...crisisResourceInput.parse({ ...valid, country: 'UA', locale: 'en' }),
			lastVerifiedAt: '2020-01-01'
		});
		expect((await crisisCoverage(h.db, c.org.id)).missingCountries).toEqual(['UA']);
		await cancelCohort(h.db, cfg, c.cohort.id);
		expect(await crisisCoverage(h.db, c.org.id)).toEqual({
			organisationCountry: 'CZ',
			missingCountries: [],
			missingLanguages: []
		});
	});

	it('records who checked an entry and when; removing touches only this organisation', async () => {
		const a = await makeOrganisation(h.db);
		const b = await makeOrganisation(h.db);
		await seedCrisisResources(h.db, a.id);
		await seedCrisisResources(h.db, b.id);
		const [first] = await listCrisisResources(h.db, a.id);
		const now = new Date('2026-11-24T09:00:00Z');
		const row = await markCrisisResourceVerified(
			h.db,
			a.id,
			first.id,
			{ id: null as unknown as string, name: 'Alex Morgan' },
			now
		);
		expect(row).toMatchObject({ lastVerifiedAt: '2026-11-24', verifiedBy: 'Alex Morgan' });
		expect(await removeCrisisResource(h.db, b.id, first.id)).toBeUndefined();
		expect(await removeCrisisResource(h.db, a.id, first.id)).toEqual({ id: first.id });
		expect(await listCrisisResources(h.db, a.id)).toHaveLength(2);
		expect(await listCrisisResources(h.db, b.id)).toHaveLength(3);
	});

	it('validates what admins enter', () => {
		const bad = (patch: Record<string, string>) => {
			const r = crisisResourceInput.safeParse({ ...valid, ...patch });
			return r.success ? 'ok' : r.error.issues[0].message;
		};
		expect(bad({})).toBe('ok');
		expect(crisisResourceInput.parse(valid).country).toBe('CZ');
		expect(bad({ country: 'QQ' })).toBe('error_country');
		expect(bad({ country: 'CZE' })).toBe('error_country');
		expect(bad({ phone: '', chatUrl: '' })).toBe('error_phone_or_chat');
		expect(bad({ phone: '', chatUrl: 'https://example.org/chat' })).toBe('ok');
		expect(bad({ phone: '113a' })).toBe('error_phone');
		expect(bad({ chatUrl: 'http://example.org' })).toBe('error_https_url');
		expect(bad({ chatUrl: 'javascript:alert(1)' })).toBe('error_https_url');
		expect(bad({ lastVerifiedAt: '2999-01-01' })).toBe('error_date_future');
		expect(bad({ lastVerifiedAt: '24.11.2026' })).toBe('error_date');
		expect(bad({ name: '' })).toBe('error_required');
		expect(bad({ locale: 'de' })).toBe('error_locale');
	});
});
