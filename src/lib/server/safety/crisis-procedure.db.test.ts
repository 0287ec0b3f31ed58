import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { createAuth } from '../auth/auth.ts';
import { makeOrganisation, makePerson } from '../testing/factories.ts';
import { saveCrisisProcedure } from './save-crisis-procedure.ts';
import { findCrisisProcedure } from './crisis-procedures.queries.ts';
import { crisisProcedureFor } from './crisis-procedure-view.ts';

let h: DbHandle;
let auth: ReturnType<typeof createAuth>;
beforeAll(async () => {
	h = await createTestDb();
	auth = createAuth(h.db, testConfig());
});
afterAll(async () => {
	await h?.close();
});

const filled = {
	whoToCall: '1. Duty coordinator Jana, +420 000 000 001 (Mon–Fri 8–20)\n2. Emergency: 112',
	whatToDo:
		'One facilitator stays with the person by private message; the other keeps the group going.',
	afterwards: ''
};

describe('the organisation crisis procedure', () => {
	it('is missing until an admin fills it in, then every facilitator page reads the same text', async () => {
		const org = await makeOrganisation(h.db);
		const admin = await makePerson(h.db, auth, { organisationId: org.id, roles: ['admin'] });
		expect(await crisisProcedureFor(h.db, org.id, 'en')).toBeNull();
		const now = new Date('2026-11-30T10:00:00Z');
		expect(
			await saveCrisisProcedure(h.db, {
				organisationId: org.id,
				userId: admin.id,
				fields: filled,
				now
			})
		).toEqual({ ok: true });
		const view = await crisisProcedureFor(h.db, org.id, 'cs', 'Europe/Prague');
		expect(view).toEqual({ ...filled, updatedOn: '30. listopadu 2026' });
		expect((await findCrisisProcedure(h.db, org.id))?.updatedBy).toBe(admin.id);
	});

	it('is one per organisation: saving again replaces it, and another organisation keeps its own', async () => {
		const org = await makeOrganisation(h.db);
		const other = await makeOrganisation(h.db);
		const admin = await makePerson(h.db, auth, { organisationId: org.id, roles: ['admin'] });
		await saveCrisisProcedure(h.db, { organisationId: org.id, userId: admin.id, fields: filled });
		await saveCrisisProcedure(h.db, {
			organisationId: org.id,
			userId: admin.id,
			fields: { ...filled, afterwards: 'Write a short note in the incident log.' }
		});
		expect((await findCrisisProcedure(h.db, org.id))?.afterwards).toBe(
			'Write a short note in the incident log.'
		);
		expect(await findCrisisProcedure(h.db, other.id)).toBeUndefined();
	});

	it('refuses a procedure without who to call or what to do, or with markup, and stores nothing', async () => {
		const org = await makeOrganisation(h.db);
		const admin = await makePerson(h.db, auth, { organisationId: org.id, roles: ['admin'] });
		for (const fields of [
			{ ...filled, whoToCall: '  ' },
			{ ...filled, whatToDo: undefined },
			{ ...filled, whatToDo: '<script>x</script>' }
		]) {
			expect(
				await saveCrisisProcedure(h.db, { organisationId: org.id, userId: admin.id, fields })
			).toEqual({ ok: false, reason: 'invalid' });
		}
		expect(await findCrisisProcedure(h.db, org.id)).toBeUndefined();
	});
});
