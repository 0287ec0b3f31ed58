import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, type Auth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import type { OrgRole } from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makePerson } from '../testing/factories.ts';
import { makeLiveSession } from '../testing/live-fixtures.ts';
import { forgetCurrentOrganisation } from '../organisations/current-organisation.ts';
import { liveAccess, liveSubject } from './live-access.ts';
import { ownWords } from './own-words.ts';
import { sessionRecord } from './session-record.ts';

/*
 * "Only you can read it": what a participant keeps private in an open prompt is shown back to
 * them on the session record, and to nobody else. Each viewer goes through the same access
 * decision as the record page (liveAccess), so a facilitator's or an admin's rights are the
 * real ones.
 */

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

function localsOf(p: { id: string; email: string }, roles: OrgRole[]): App.Locals {
	return {
		locale: 'en',
		user: {
			id: p.id,
			name: 'X',
			email: p.email,
			locale: 'en',
			timeZone: 'UTC',
			pronouns: null,
			country: null
		},
		roles: {
			admin: roles.includes('admin'),
			facilitator: roles.includes('facilitator'),
			participant: roles.includes('participant'),
			peerTrainer: false
		}
	};
}

describe(ownWords.name, () => {
	it('shows a participant their own kept words, and nobody else, not even a facilitator', async () => {
		forgetCurrentOrganisation();
		const live = await makeLiveSession(h.db, { cfg, auth, participants: 3 });
		const [author, other, passer] = live.people;
		const admin = await makePerson(h.db, auth, { organisationId: live.org.id, roles: ['admin'] });
		// Day 1's reflection is an open prompt whose answers are never shared.
		const at = live.structure.blocks.findIndex((b) => b.id === 'chime-reflection');
		for (let i = 0; i < at; i++) await live.act({ type: 'next' });
		await live.act({ type: 'start' });
		expect(
			await live.answer(author, 'chime-reflection', { text: 'Words only I may read', share: false })
		).toMatchObject({ ok: true });
		await live.answer(other, 'chime-reflection', { text: 'What Other kept', share: false });
		await live.answer(passer, 'chime-reflection', {}, { pass: true });
		await live.act({ type: 'reveal' });

		const wordsOf = async (p: { id: string; email: string }, roles: OrgRole[]) => {
			const a = await liveAccess(h.db, localsOf(p, roles), live.s1.id);
			return ownWords(h.db, liveSubject(a, 'en'), a);
		};
		const mine = await wordsOf(author, ['participant']);
		expect(mine).toEqual([
			{
				blockId: 'chime-reflection',
				title: expect.any(String),
				prompt: expect.any(String),
				text: 'Words only I may read'
			}
		]);
		expect((await wordsOf(other, ['participant'])).map((w) => w.text)).toEqual(['What Other kept']);
		expect(await wordsOf(passer, ['participant'])).toEqual([]);
		for (const [who, roles] of [
			[live.lead, ['facilitator']],
			[live.peer, ['facilitator']],
			[admin, ['admin']]
		] as const) {
			const json = JSON.stringify(await wordsOf(who, [...roles]));
			expect(json).toBe('[]');
		}
		// The group's record (and the facilitators' export made from it) holds none of them.
		const a = await liveAccess(h.db, localsOf(live.lead, ['facilitator']), live.s1.id);
		const record = JSON.stringify(await sessionRecord(h.db, liveSubject(a, 'en')));
		expect(record).not.toContain('Words only I may read');
		expect(record).not.toContain('What Other kept');
	});
});
