import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client.ts';
import { createTestDb } from '../testing/test-db.ts';
import { makeOrganisation } from '../testing/factories.ts';
import { crisisPanel, isStale } from './crisis-panel.ts';
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

	it('lists the viewer-language country first and flags entries not checked for 180 days', async () => {
		const org = await makeOrganisation(h.db);
		await seedCrisisResources(h.db, org.id);
		const input = crisisResourceInput.parse(valid);
		await addCrisisResource(h.db, org.id, null as unknown as string, input);
		const now = new Date('2026-11-24T12:00:00Z');
		const cs = await crisisPanel(h.db, org.id, 'cs', now);
		expect(cs.countries.map((c) => c.name)).toEqual(['Česko', 'Nizozemsko']);
		expect(cs.countries[0].entries[0].stale).toBe(false);
		expect(cs.countries[1].entries.every((e) => e.stale)).toBe(true);
		const en = await crisisPanel(h.db, org.id, 'en', now);
		expect(en.countries.map((c) => c.code)).toEqual(['CZ', 'NL']);
		expect(isStale('2026-05-28', now)).toBe(false);
		expect(isStale('2026-05-27', now)).toBe(true);
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
