import { randomUUID } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, type Auth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import { loadCohortContext } from '../cohorts/cohort-context.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makeLiveSession } from '../testing/live-fixtures.ts';
import { LiveHub, type Subscriber } from './live-hub.ts';
import type { LiveSubject } from './live-access.ts';
import { renderSharedPanel } from './render-shared-panel.ts';
import { signalMoment } from './submit-answer.ts';

/*
 * The hub follows a session's news with the shared panel, rendered once per language and
 * time zone, never with anything that is one person's or that is not revealed (ADR 025).
 */

let h: DbHandle;
let auth: Auth;
const cfg = testConfig();
const hubs: LiveHub[] = [];

beforeAll(async () => {
	h = await createTestDb();
	auth = createAuth(h.db, cfg);
});
afterAll(async () => {
	for (const hub of hubs) await hub.stop();
	await h?.close();
});

/** A participant's stream as the room's script opens it: collects events and other frames. */
function panelStream(subject: LiveSubject, timeZone = 'Europe/Prague') {
	const frames: string[] = [];
	const sub: Subscriber = {
		facilitator: false,
		enrolmentId: null,
		panels: { subject, timeZone },
		send: (e) => frames.push(`event ${e.kind}`),
		sendFrame: (f) => frames.push(f)
	};
	const panels = () =>
		frames
			.filter((f) => f.startsWith('event: panel\n'))
			.map((f) => inflateRawSync(Buffer.from(f.split('\n')[1].slice(6), 'base64')).toString());
	return { sub, frames, panels, last: () => panels().at(-1) ?? '' };
}

async function setUp() {
	const live = await makeLiveSession(h.db, { cfg, auth, participants: 3 });
	const ctx = (await loadCohortContext(h.db, live.cohort.id))!;
	const subject = (locale: string): LiveSubject => ({
		sessionId: live.s1.id,
		pkg: ctx.pkg,
		number: 1,
		structure: live.structure,
		cohortId: live.cohort.id,
		locale
	});
	let renders = 0;
	const hub = new LiveHub(h, {
		renderPanel: (s, tz) => {
			renders++;
			return renderSharedPanel(h.db, s, tz);
		}
	});
	hubs.push(hub);
	const text = (locale: 'en' | 'cs' | 'uk') =>
		ctx.pkg.sessions.find((s) => s.structure.number === 1)!.text[locale]!;
	return { ...live, ctx, subject, hub, renders: () => renders, text };
}

describe('shared panels on the event stream', () => {
	it('one render per language and time zone; each stream gets its own language after the events', async () => {
		const { s1, act, hub, subject, renders, text, structure } = await setUp();
		const cs1 = panelStream(subject('cs'));
		const cs2 = panelStream(subject('cs'));
		const en = panelStream(subject('en'));
		const facilitator: string[] = [];
		const plain: string[] = [];
		for (const s of [cs1, cs2, en]) await hub.subscribe(s1.id, s.sub);
		await hub.subscribe(s1.id, { facilitator: true, send: (e) => facilitator.push(e.kind) });
		// A participant whose browser cannot unpack panels: events only, as before.
		await hub.subscribe(s1.id, { facilitator: false, send: (e) => plain.push(e.kind) });

		await act({ type: 'begin' });
		await act({ type: 'next' });
		await hub.deliver(s1.id);
		expect(renders()).toBe(2);
		expect(cs1.frames.slice(0, 2)).toEqual(['event state', 'event state']);
		expect(cs1.frames[2]).toMatch(/^event: panel\ndata: [A-Za-z0-9+/=]+\n\n$/);
		const second = structure.blocks[1].id;
		expect(cs1.last()).toContain(`id="live-shared"`);
		expect(cs1.last()).toContain(text('cs').blocks[second].title);
		expect(cs2.last()).toBe(cs1.last());
		expect(en.last()).toContain(text('en').blocks[second].title);
		expect(facilitator).toEqual(['state', 'state']);
		expect(plain).toEqual(['state', 'state']);
	});

	it('answers stay out of the panel until revealed; the form carries no client id', async () => {
		const { s1, act, answer, people, hub, subject } = await setUp();
		const en = panelStream(subject('en'));
		await hub.subscribe(s1.id, en.sub);
		await act({ type: 'begin' }); // the first part, "welcome", is a one-word check-in
		await act({ type: 'start' });
		await answer(people[0], 'welcome', { word: 'hopeful' });
		await hub.deliver(s1.id);
		expect(en.last()).toContain('data-keep="welcome"');
		expect(en.last()).toContain('name="clientId" value=""');
		expect(en.last()).not.toContain('hopeful');
		await act({ type: 'reveal' });
		await hub.deliver(s1.id);
		expect(en.last()).toContain('hopeful');
		expect(en.last()).toContain('data-results');
	});

	it('during a breakout, and for an acknowledged moment, streams are told to fetch the page', async () => {
		const { s1, act, hub, subject, structure, people } = await setUp();
		const en = panelStream(subject('en'));
		await hub.subscribe(s1.id, en.sub);
		await act({ type: 'begin' });
		const pairs = structure.blocks.findIndex((b) => b.id === 'strengths-pairs');
		expect(pairs).toBeGreaterThan(0);
		for (let i = 0; i < pairs; i++) await act({ type: 'next' });
		await hub.deliver(s1.id);
		const before = en.frames.length;
		expect(await act({ type: 'breakout', mode: 'pairs' })).toEqual({ ok: true });
		await hub.deliver(s1.id);
		// Each person's group is their own: no panel is shared while groups are out.
		expect(en.frames.slice(before)).toEqual(['event state', 'event: refresh\ndata: 1\n\n']);

		const momentId = randomUUID();
		await signalMoment(h.db, {
			sessionId: s1.id,
			enrolmentId: people[0].enrolmentId,
			clientId: momentId,
			name: 'P0',
			announce: async () => {}
		});
		await act({ type: 'end-breakout' });
		await hub.deliver(s1.id);
		const mark = en.frames.length;
		await act({ type: 'ack', id: momentId });
		await hub.deliver(s1.id);
		expect(en.frames.slice(mark)).toEqual(['event moment-ack', 'event: refresh\ndata: 1\n\n']);
	});
});
