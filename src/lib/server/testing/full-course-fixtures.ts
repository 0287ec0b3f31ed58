import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Auth } from '../auth/auth.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import * as s from '../db/schema/index.ts';
import { signalMoment } from '../live/submit-answer.ts';
import { pseudonymOf } from '../evaluation/pseudonym.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';
import { listSessions } from '../schedule/schedule.queries.ts';
import { makePerson } from './factories.ts';
import { makeLiveSession } from './live-fixtures.ts';

/* Database tests have no event streams to tell. */
const announce = async () => {};

const facts = {
	courseSlug: 'rop',
	courseVersion: 1,
	courseTitle: { en: 'Recovery' },
	organisation: 'Test',
	sessions: [],
	minutesAttended: 600,
	sessionsAttended: 4,
	facilitators: ['Lead Facilitator'],
	timeZone: 'Europe/Prague'
};

/**
 * A cohort of five in Day 2 with a full course behind Ana (the person a test follows): a cohort profile
 * with background and access needs, attendance, live answers (a check-in, a shared and a private
 * map note, an open answer, a pass), an "I need a moment" signal, a breakout group, workbook
 * entries private and shared, a map snapshot, pulse and evaluation answers, a certificate,
 * emails, invitations, sessions, sign-in links, rate-limit counters and audit rows.
 */
export async function makeFullCourse(db: Db, opts: { cfg: Config; auth: Auth }) {
	const { cfg, auth } = opts;
	const live = await makeLiveSession(db, { cfg, auth, participants: 5, session: 2 });
	const { people, act, answer, s1, cohort, org, lead } = live;
	const [ana, ben] = people;
	const admin = await makePerson(db, auth, { organisationId: org.id, roles: ['admin'] });
	await makePerson(db, auth, { organisationId: org.id, roles: ['admin'] });
	await db
		.update(s.users)
		.set({ name: 'Ana Dvořáková', pronouns: 'she/her', country: 'CZ' })
		.where(eq(s.users.id, ana.id));
	await db
		.update(s.enrolments)
		.set({
			displayName: 'Ana D.',
			pronouns: 'she/her',
			background: 'lived_experience',
			backgroundVisibility: 'facilitators',
			accessNeeds: 'Large print, please'
		})
		.where(eq(s.enrolments.id, ana.enrolmentId));
	const sessions = await listSessions(db, cohort.id);
	for (const p of people) {
		for (const cs of sessions) {
			await db.insert(s.attendance).values({
				cohortSessionId: cs.id,
				enrolmentId: p.enrolmentId,
				status: 'present',
				source: 'facilitator',
				updatedBy: lead.id
			});
		}
	}

	// The live room: the check-in (counts), the map (notes), the open prompt (texts).
	await act({ type: 'start' }); // welcome-back, a 1–5 scale
	for (const [i, p] of people.entries()) {
		if (i === 4) await answer(p, 'welcome-back', {}, { pass: true });
		else await answer(p, 'welcome-back', { scale: (i % 3) + 2 });
	}
	await act({ type: 'reveal' });
	const blocks = live.structure.blocks.map((b) => b.id);
	const goTo = async (id: string) => {
		const state = await db.select().from(s.liveState).where(eq(s.liveState.cohortSessionId, s1.id));
		for (let i = state[0].blockIndex; i < blocks.indexOf(id); i++) await act({ type: 'next' });
		await act({ type: 'start' });
	};
	await goTo('community-map');
	await answer(ana, 'community-map', {
		column: 'belonging',
		text: 'my choir on Thursdays',
		share: true
	});
	await answer(ana, 'community-map', { column: 'doing', text: 'my sister Ana (private)' });
	await answer(ben, 'community-map', {
		column: 'doing',
		text: 'the allotment garden',
		share: true
	});
	await act({ type: 'reveal' });
	await goTo('what-we-noticed');
	await answer(ana, 'what-we-noticed', { text: 'Ana noticed the quiet helpers', share: true });
	await answer(ben, 'what-we-noticed', { text: 'Ben noticed the library', share: true });
	await act({ type: 'reveal' });
	// An anonymous answer was never linked; it must stay as it is.
	const anonymousId = randomUUID();
	await db.insert(s.liveAnswers).values({
		id: anonymousId,
		cohortSessionId: s1.id,
		blockId: 'what-we-noticed',
		enrolmentId: null,
		payload: { text: 'an anonymous thought', share: true }
	});
	// Ana signs in with an authenticator app and a passkey.
	await db.insert(s.twoFactors).values({
		id: randomUUID(),
		secret: 'encrypted-key',
		backupCodes: 'encrypted-codes',
		userId: ana.id
	});
	await db.insert(s.passkeys).values({
		id: randomUUID(),
		name: 'Ana’s phone',
		publicKey: 'public-key',
		userId: ana.id,
		credentialID: 'credential',
		counter: 0,
		deviceType: 'singleDevice',
		backedUp: false
	});
	// Ana answered an anonymous poll: who answered is kept apart from the answer (live.ts).
	await db.insert(s.liveRespondents).values({
		cohortSessionId: s1.id,
		blockId: 'what-we-noticed',
		enrolmentId: ana.enrolmentId,
		passed: false
	});
	const momentId = randomUUID();
	await signalMoment(db, {
		sessionId: s1.id,
		enrolmentId: ana.enrolmentId,
		clientId: momentId,
		name: 'Ana D.',
		announce
	});
	await db
		.update(s.momentSignals)
		.set({ acknowledgedAt: new Date(), acknowledgedBy: lead.id })
		.where(eq(s.momentSignals.id, momentId));
	await db
		.update(s.liveState)
		.set({
			breakout: {
				blockId: 'approaching-resources',
				mode: 'pairs',
				groups: [
					{ n: 1, members: [ana.enrolmentId, ben.enrolmentId] },
					{ n: 2, members: [people[2].enrolmentId, people[3].enrolmentId] }
				]
			}
		})
		.where(eq(s.liveState.cohortSessionId, s1.id));
	await db.insert(s.livePresence).values({
		cohortSessionId: s1.id,
		enrolmentId: ana.enrolmentId,
		instanceId: randomUUID(),
		streams: 1
	});
	const [benNote] = await db
		.select()
		.from(s.liveAnswers)
		.where(eq(s.liveAnswers.cohortSessionId, s1.id))
		.limit(1);
	await db.insert(s.liveVotes).values({ answerId: benNote.id, enrolmentId: ana.enrolmentId });

	// The workbook: private and shared entries, a view both ways, a snapshot, preferences.
	const privateEntry = randomUUID();
	const sharedEntry = randomUUID();
	const bensEntry = randomUUID();
	await db.insert(s.workbookEntries).values([
		{
			id: privateEntry,
			cohortId: cohort.id,
			userId: ana.id,
			sessionNumber: 2,
			kind: 'reflection' as never,
			fields: { text: 'what I find hard' }
		},
		{
			id: sharedEntry,
			cohortId: cohort.id,
			userId: ana.id,
			sessionNumber: 2,
			kind: 'reflection' as never,
			fields: { text: 'shared with the group' },
			sharing: 'cohort' as never,
			sharedAt: new Date()
		},
		{
			id: bensEntry,
			cohortId: cohort.id,
			userId: ben.id,
			sessionNumber: 2,
			kind: 'reflection' as never,
			fields: { text: 'Ben shares' },
			sharing: 'cohort' as never,
			sharedAt: new Date()
		}
	]);
	await db.insert(s.workbookEntryViews).values([
		{ entryId: sharedEntry, viewerId: ben.id },
		{ entryId: bensEntry, viewerId: ana.id }
	]);
	await db
		.insert(s.workbookMapSnapshots)
		.values({ cohortId: cohort.id, userId: ana.id, label: 'Before', ties: [{ name: 'Choir' }] });
	await db
		.insert(s.workbookPreferences)
		.values({ cohortId: cohort.id, userId: ana.id, remindBeforeSession: true });

	// Feedback: five pulse answers (no person), the respondents; pre and post for everyone.
	for (const [i, p] of people.entries()) {
		await db.insert(s.pulseAnswers).values({
			cohortSessionId: s1.id,
			useful: (i % 5) + 1,
			pace: 2,
			ableToPass: 4,
			safeToShare: 5,
			comment: i === 0 ? 'More breaks' : null
		});
		await db.insert(s.pulseRespondents).values({ cohortSessionId: s1.id, userId: p.id });
		for (const phase of ['pre', 'post']) {
			await db.insert(s.evaluationResponses).values({
				cohortId: cohort.id,
				phase,
				questionnaire: 'core',
				pseudonym: pseudonymOf(cfg.secret, p.id, cohort.id),
				answers: { confidence: phase === 'pre' ? i + 1 : i + 2 }
			});
			await db.insert(s.evaluationRespondents).values({ cohortId: cohort.id, phase, userId: p.id });
		}
	}

	// A certificate each for Ana and Ben.
	const certOf = async (p: { enrolmentId: string }, name: string) => {
		const [c] = await db
			.insert(s.certificates)
			.values({
				organisationId: org.id,
				cohortId: cohort.id,
				enrolmentId: p.enrolmentId,
				code: randomBytes(8).toString('hex'),
				nameOnCertificate: name,
				facts,
				issuedBy: lead.id,
				issueReason: 'by hand'
			})
			.returning();
		return c;
	};
	const anasCertificate = await certOf(ana, 'Ana Dvořáková');
	const bensCertificate = await certOf(ben, 'Ben B.');

	// Email, invitations, sign-in state, counters, notifications, a calendar feed.
	await db.insert(s.emailOutbox).values([
		{
			toAddress: ana.email.toUpperCase(),
			subject: 'Your certificate',
			textBody: 'Dear Ana',
			kind: 'certificate',
			locale: 'en',
			status: 'sent'
		},
		{
			toAddress: ben.email,
			subject: 'Invitation',
			textBody: 'Dear Ben',
			kind: 'invitation',
			locale: 'en',
			status: 'queued',
			secretViewer: lead.id
		}
	]);
	await db.insert(s.invitations).values({
		organisationId: org.id,
		email: ana.email,
		role: 'participant',
		tokenHash: randomBytes(16).toString('hex'),
		invitedBy: lead.id,
		cohortId: cohort.id,
		expiresAt: new Date(Date.now() + 86_400_000),
		acceptedAt: new Date()
	});
	await db.insert(s.sessions).values([
		{
			id: randomUUID(),
			token: randomBytes(16).toString('hex'),
			userId: ana.id,
			expiresAt: new Date(Date.now() + 86_400_000),
			ipAddress: '192.0.2.7',
			userAgent: 'Firefox'
		}
	]);
	await db.insert(s.verifications).values([
		{
			id: randomUUID(),
			identifier: randomBytes(8).toString('hex'),
			value: JSON.stringify({ email: ana.email }),
			expiresAt: new Date(Date.now() + 600_000)
		},
		{
			id: randomUUID(),
			identifier: `reset-password:${randomBytes(8).toString('hex')}`,
			value: ana.id,
			expiresAt: new Date(Date.now() + 600_000)
		}
	]);
	await db.insert(s.rateLimits).values([
		{ id: randomUUID(), key: `sign-in:${ana.email}`, count: 1, lastRequest: Date.now() },
		{ id: randomUUID(), key: `live:${ana.id}`, count: 3, lastRequest: Date.now() },
		{ id: randomUUID(), key: `live:${ben.id}`, count: 3, lastRequest: Date.now() }
	]);
	await db
		.insert(s.notifications)
		.values({ key: `reminder:${ana.id}:1`, userId: ana.id, cohortId: cohort.id });
	await db
		.insert(s.calendarFeeds)
		.values({ userId: ana.id, tokenHash: randomBytes(16).toString('hex') });
	await recordAuditEvents(db, [
		{
			actorId: lead.id,
			actorRole: 'facilitator',
			subjectId: ana.id,
			action: 'read-access-needs',
			cohortId: cohort.id,
			target: 'access-needs'
		},
		{
			actorId: ana.id,
			actorRole: 'participant',
			subjectId: ben.id,
			action: 'open-shared-entry',
			cohortId: cohort.id,
			target: `workbook-entry:${bensEntry}`
		}
	]);
	return {
		...live,
		ana,
		ben,
		admin,
		anonymousId,
		momentId,
		privateEntry,
		sharedEntry,
		bensEntry,
		anasCertificate,
		bensCertificate
	};
}
