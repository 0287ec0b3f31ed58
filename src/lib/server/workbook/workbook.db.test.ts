import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createAuth, type Auth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import { workbookEntries } from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makeCohort } from '../testing/cohort-fixtures.ts';
import { makePerson } from '../testing/factories.ts';
import { makeWorkbookCohort } from '../testing/workbook-fixtures.ts';
import { joinCohort } from '../enrolment/join-cohort.ts';
import { addEntry } from './add-entry.ts';
import { saveEntry } from './save-entry.ts';
import { shareEntry } from './share-entry.ts';
import { openEntry } from './open-entry.ts';
import { readWorkbook } from './read-workbook.ts';
import { listSharedWithMe } from './list-shared-with-me.ts';
import { removeEntry } from './remove-entry.ts';
import { keepBothVersions } from './keep-both-versions.ts';
import { takeMapSnapshot } from './take-map-snapshot.ts';
import { setMapSubject } from './set-map-subject.ts';
import { setWorkbookReminder } from './set-workbook-reminder.ts';

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

const world = () => makeWorkbookCohort(h.db, { cfg, auth });

const tie = (name: string) => ({
	name,
	type: 'person',
	sphere: 'belonging',
	closeness: '1',
	quality: 'supportive',
	direction: 'both'
});

describe('the workbook', () => {
	it('stores each tool in its session and refuses kinds a session does not offer', async () => {
		const { add } = await world();
		const profile = await add(1, 'strengths-profile', {
			domain: 'leisure',
			now: 'I walk with my dog',
			wish: 'Join a choir'
		});
		expect(profile.ok).toBe(true);
		if (!profile.ok) return;
		expect(profile.entry.sharing).toBe('private');
		expect(profile.entry.version).toBe(1);
		expect(profile.entry.fields).toMatchObject({ domain: 'leisure', strengths: '', helped: '' });
		expect(
			(await add(1, 'strength-spotting', { date: '2026-11-20', text: 'Ana listened' })).ok
		).toBe(true);
		expect((await add(2, 'map-tie', tie('Ana'))).ok).toBe(true);
		expect((await add(3, 'experience', { experience: 'A hard year', difficult: 'on' })).ok).toBe(
			true
		);
		expect((await add(4, 'care-plan', { basis: 'fictional', wish: 'A home' })).ok).toBe(true);
		expect((await add(4, 'reflection', { text: 'Hope' })).ok).toBe(true);
		expect(await add(2, 'strengths-profile', { domain: 'leisure', now: 'x' })).toEqual({
			ok: false,
			reason: 'not-found'
		});
		expect(await add(9, 'reflection', { text: 'x' })).toEqual({ ok: false, reason: 'not-found' });
	});

	it('refuses oversized, marked-up and incomplete input and stores nothing', async () => {
		const { add, c, owner } = await world();
		const long = await add(1, 'reflection', { text: 'x'.repeat(10_000) });
		expect(long).toMatchObject({ ok: false, errors: { text: 'error_too_long:4000' } });
		const markup = await add(1, 'reflection', { text: '<script>alert(1)</script>' });
		expect(markup).toMatchObject({ ok: false, errors: { text: 'error_markup' } });
		const noDomain = await add(1, 'strengths-profile', { domain: 'mars', now: 'x' });
		expect(noDomain).toMatchObject({ ok: false, errors: { domain: 'error_choice' } });
		const emptyProfile = await add(1, 'strengths-profile', { domain: 'health' });
		expect(emptyProfile).toMatchObject({ ok: false, errors: { now: 'error_required' } });
		const badTie = await add(2, 'map-tie', { ...tie('Bo'), quality: 'great' });
		expect(badTie).toMatchObject({ ok: false, errors: { quality: 'error_choice' } });
		const { entries } = await readWorkbook(h.db, { cohortId: c.cohort.id, userId: owner.id });
		expect(entries).toEqual([]);
	});

	it('a resent form stores once; an id someone else used is not found', async () => {
		const { c, owner, peer } = await world();
		const id = randomUUID();
		const input = {
			id,
			cohortId: c.cohort.id,
			sessionNumber: 1,
			kind: 'reflection',
			fields: { text: 'Once' }
		};
		expect((await addEntry(h.db, { ...input, userId: owner.id })).ok).toBe(true);
		expect((await addEntry(h.db, { ...input, userId: owner.id })).ok).toBe(true);
		expect(await addEntry(h.db, { ...input, userId: peer.id })).toEqual({
			ok: false,
			reason: 'not-found'
		});
		expect(
			await h.db.select().from(workbookEntries).where(eq(workbookEntries.id, id))
		).toHaveLength(1);
	});

	it('someone without a place has no workbook', async () => {
		const { c } = await world();
		const stranger = await makePerson(h.db, auth, { organisationId: c.org.id });
		const r = await addEntry(h.db, {
			id: randomUUID(),
			cohortId: c.cohort.id,
			userId: stranger.id,
			sessionNumber: 1,
			kind: 'reflection',
			fields: { text: 'x' }
		});
		expect(r).toEqual({ ok: false, reason: 'not-found' });
	});

	it('a save based on an old version is refused with both versions', async () => {
		const { add, c, owner, peer } = await world();
		const r = await add(1, 'reflection', { text: 'First' });
		if (!r.ok) throw new Error('not stored');
		const id = r.entry.id;
		const a = await saveEntry(h.db, {
			entryId: id,
			cohortId: c.cohort.id,
			userId: owner.id,
			baseVersion: 1,
			fields: { text: 'From the laptop' }
		});
		expect(a).toMatchObject({ ok: true, entry: { version: 2 } });
		const b = await saveEntry(h.db, {
			entryId: id,
			cohortId: c.cohort.id,
			userId: owner.id,
			baseVersion: 1,
			fields: { text: 'From the phone' }
		});
		expect(b).toMatchObject({
			ok: false,
			reason: 'stale',
			mine: { text: 'From the phone' },
			theirs: { fields: { text: 'From the laptop' }, version: 2 }
		});
		const forged = await saveEntry(h.db, {
			entryId: id,
			cohortId: c.cohort.id,
			userId: peer.id,
			baseVersion: 2,
			fields: { text: 'Not mine' }
		});
		expect(forged).toEqual({ ok: false, reason: 'not-found' });
		const bad = await saveEntry(h.db, {
			entryId: id,
			cohortId: c.cohort.id,
			userId: owner.id,
			baseVersion: 2,
			fields: { text: 'y'.repeat(10_000) }
		});
		expect(bad).toMatchObject({ ok: false, reason: 'invalid' });
		const [row] = await h.db.select().from(workbookEntries).where(eq(workbookEntries.id, id));
		expect(row).toMatchObject({ version: 2, fields: { text: 'From the laptop' } });
	});

	it('the owner’s own entry addressed under another cohort of theirs is not found, and nothing changes', async () => {
		const { add, c, owner, other } = await world();
		await joinCohort(h.db, cfg, { cohortId: other.cohort.id, userId: owner.id, via: 'invitation' });
		const r = await add(1, 'reflection', { text: 'Mine, in the first cohort' });
		if (!r.ok) throw new Error('not stored');
		const wrong = { entryId: r.entry.id, cohortId: other.cohort.id, userId: owner.id };
		const notFound = { ok: false, reason: 'not-found' };
		expect(await saveEntry(h.db, { ...wrong, baseVersion: 1, fields: { text: 'Moved' } })).toEqual(
			notFound
		);
		expect(await shareEntry(h.db, { ...wrong, sharing: 'facilitators' })).toEqual(notFound);
		expect(await keepBothVersions(h.db, { ...wrong, fields: { text: 'Copy' } })).toEqual(notFound);
		expect(await removeEntry(h.db, wrong)).toEqual(notFound);
		const rows = await h.db
			.select()
			.from(workbookEntries)
			.where(eq(workbookEntries.userId, owner.id));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			cohortId: c.cohort.id,
			version: 1,
			sharing: 'private',
			fields: { text: 'Mine, in the first cohort' }
		});
		// Under its own cohort the same calls work.
		const right = { ...wrong, cohortId: c.cohort.id };
		expect((await keepBothVersions(h.db, { ...right, fields: { text: 'Copy' } })).ok).toBe(true);
		expect((await removeEntry(h.db, right)).ok).toBe(true);
	});

	it('only the owner reads a private entry, whatever the role', async () => {
		const { add, c, viewers } = await world();
		const r = await add(1, 'reflection', { text: 'Private words' });
		if (!r.ok) throw new Error('not stored');
		for (const [role, viewerId] of Object.entries(viewers)) {
			const opened = await openEntry(h.db, {
				entryId: r.entry.id,
				cohortId: c.cohort.id,
				viewerId
			});
			expect(opened.ok, role).toBe(role === 'owner');
			const shared = await listSharedWithMe(h.db, { cohortId: c.cohort.id, viewerId });
			expect(
				shared.entries.map((e) => e.id),
				role
			).not.toContain(r.entry.id);
			if (role !== 'owner') {
				const mine = await readWorkbook(h.db, { cohortId: c.cohort.id, userId: viewerId });
				expect(
					mine.entries.map((e) => e.id),
					role
				).not.toContain(r.entry.id);
			}
		}
	});

	it('shared with facilitators: the cohort’s facilitators read it, the owner sees who opened it, withdrawal ends it', async () => {
		const { add, c, owner, peer, viewers } = await world();
		const r = await add(3, 'experience', { experience: 'Lost my job', learned: 'Ask early' });
		if (!r.ok) throw new Error('not stored');
		const entryId = r.entry.id;
		// Someone else cannot share it.
		expect(
			await shareEntry(h.db, { entryId, cohortId: c.cohort.id, userId: peer.id, sharing: 'cohort' })
		).toEqual({
			ok: false,
			reason: 'not-found'
		});
		expect(
			(
				await shareEntry(h.db, {
					entryId,
					cohortId: c.cohort.id,
					userId: owner.id,
					sharing: 'facilitators'
				})
			).ok
		).toBe(true);
		const can: Record<string, boolean> = {
			owner: true,
			peer: false,
			facilitator: true,
			otherFacilitator: false,
			admin: false
		};
		for (const [role, viewerId] of Object.entries(viewers)) {
			const opened = await openEntry(h.db, { entryId, cohortId: c.cohort.id, viewerId });
			expect(opened.ok, role).toBe(can[role]);
			if (role === 'owner') continue;
			const shared = await listSharedWithMe(h.db, { cohortId: c.cohort.id, viewerId });
			expect(
				shared.entries.some((e) => e.id === entryId),
				role
			).toBe(can[role]);
		}
		const forFacilitator = await listSharedWithMe(h.db, {
			cohortId: c.cohort.id,
			viewerId: viewers.facilitator
		});
		expect(forFacilitator.entries.find((e) => e.id === entryId)?.ownerName).toBe('Owner');
		// The entry read through the wrong cohort's address is not found either.
		const other = await makeCohort(h.db, { cfg, auth });
		expect(
			(await openEntry(h.db, { entryId, cohortId: other.cohort.id, viewerId: viewers.facilitator }))
				.ok
		).toBe(false);

		expect(
			(
				await shareEntry(h.db, {
					entryId,
					cohortId: c.cohort.id,
					userId: owner.id,
					sharing: 'private'
				})
			).ok
		).toBe(true);
		expect(
			(await openEntry(h.db, { entryId, cohortId: c.cohort.id, viewerId: viewers.facilitator })).ok
		).toBe(false);
		expect(
			(await listSharedWithMe(h.db, { cohortId: c.cohort.id, viewerId: viewers.facilitator }))
				.entries
		).toEqual([]);
		const own = await openEntry(h.db, { entryId, cohortId: c.cohort.id, viewerId: owner.id });
		expect(own.ok && own.own && own.views.map((v) => v.name)).toEqual(['Lead Facilitator']);
	});

	it('shared with the cohort: participants with a place read it too, but not the admin or another cohort', async () => {
		const { add, c, owner, viewers } = await world();
		const r = await add(1, 'strength-spotting', { date: '2026-11-21', text: 'Kind neighbour' });
		if (!r.ok) throw new Error('not stored');
		await shareEntry(h.db, {
			entryId: r.entry.id,
			cohortId: c.cohort.id,
			userId: owner.id,
			sharing: 'cohort'
		});
		const can: Record<string, boolean> = {
			owner: true,
			peer: true,
			facilitator: true,
			otherFacilitator: false,
			admin: false
		};
		for (const [role, viewerId] of Object.entries(viewers)) {
			const opened = await openEntry(h.db, {
				entryId: r.entry.id,
				cohortId: c.cohort.id,
				viewerId
			});
			expect(opened.ok, role).toBe(can[role]);
		}
	});

	it('a difficult experience goes to facilitators at most, also when marked difficult later', async () => {
		const { add, c, owner } = await world();
		const hard = await add(3, 'experience', { experience: 'A crisis', difficult: 'on' });
		if (!hard.ok) throw new Error('not stored');
		expect(
			await shareEntry(h.db, {
				entryId: hard.entry.id,
				cohortId: c.cohort.id,
				userId: owner.id,
				sharing: 'cohort'
			})
		).toEqual({
			ok: false,
			reason: 'too-wide'
		});
		expect(
			(
				await shareEntry(h.db, {
					cohortId: c.cohort.id,
					entryId: hard.entry.id,
					userId: owner.id,
					sharing: 'facilitators'
				})
			).ok
		).toBe(true);
		const later = await add(3, 'experience', { experience: 'A move' });
		if (!later.ok) throw new Error('not stored');
		await shareEntry(h.db, {
			entryId: later.entry.id,
			cohortId: c.cohort.id,
			userId: owner.id,
			sharing: 'cohort'
		});
		const saved = await saveEntry(h.db, {
			entryId: later.entry.id,
			cohortId: c.cohort.id,
			userId: owner.id,
			baseVersion: 1,
			fields: { experience: 'A move', difficult: 'on' }
		});
		expect(saved).toMatchObject({ ok: true, entry: { sharing: 'facilitators' } });
	});

	it('map snapshots copy the ties as they were; removal deletes the entry for good', async () => {
		const { add, c, owner, peer } = await world();
		const a = await add(2, 'map-tie', tie('Ana'));
		await add(2, 'map-tie', tie('Library'));
		expect(
			await takeMapSnapshot(h.db, { cohortId: c.cohort.id, userId: owner.id, label: '<b>' })
		).toMatchObject({ ok: false, errors: { label: 'error_markup' } });
		expect(
			(await takeMapSnapshot(h.db, { cohortId: c.cohort.id, userId: owner.id, label: 'Before' })).ok
		).toBe(true);
		if (!a.ok) throw new Error('not stored');
		expect(
			await removeEntry(h.db, { entryId: a.entry.id, cohortId: c.cohort.id, userId: peer.id })
		).toEqual({
			ok: false,
			reason: 'not-found'
		});
		expect(
			(await removeEntry(h.db, { entryId: a.entry.id, cohortId: c.cohort.id, userId: owner.id })).ok
		).toBe(true);
		const wb = await readWorkbook(h.db, { cohortId: c.cohort.id, userId: owner.id });
		expect(wb.entries.map((e) => e.fields.name)).toEqual(['Library']);
		expect(wb.snapshots[0].ties.map((t) => t.name)).toEqual(['Ana', 'Library']);
	});

	it('the map is about the person unless they choose a fictional person; each snapshot keeps whom it was about', async () => {
		const { add, c, owner, peer, other } = await world();
		const mine = { cohortId: c.cohort.id, userId: owner.id };
		await add(2, 'map-tie', tie('Ana'));
		expect((await readWorkbook(h.db, mine)).mapSubject).toBe('self');
		await takeMapSnapshot(h.db, { ...mine, label: 'Me first' });
		expect(await setMapSubject(h.db, { ...mine, subject: 'someone' })).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(
			await setMapSubject(h.db, {
				cohortId: other.cohort.id,
				userId: owner.id,
				subject: 'fictional'
			})
		).toEqual({ ok: false, reason: 'not-found' });
		expect((await setMapSubject(h.db, { ...mine, subject: 'fictional' })).ok).toBe(true);
		await takeMapSnapshot(h.db, { ...mine, label: 'Fictional' });
		// The reminder choice lives in the same row and leaves the map choice alone.
		await setWorkbookReminder(h.db, { ...mine, on: true });
		const wb = await readWorkbook(h.db, mine);
		expect(wb.mapSubject).toBe('fictional');
		expect(wb.snapshots.map((s) => [s.label, s.subject])).toEqual([
			['Me first', 'self'],
			['Fictional', 'fictional']
		]);
		// One person's choice is not another's.
		expect((await readWorkbook(h.db, { cohortId: c.cohort.id, userId: peer.id })).mapSubject).toBe(
			'self'
		);
	});
});
