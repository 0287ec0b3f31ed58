import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { createAuth, type Auth } from '../auth/auth.ts';
import type { DbHandle } from '../db/client.ts';
import {
	attendance,
	auditEvents,
	certificates,
	emailOutbox,
	enrolments,
	evaluationRespondents,
	evaluationResponses,
	liveAnswers,
	pulseRespondents
} from '../db/schema/index.ts';
import { createTestDb, testConfig } from '../testing/test-db.ts';
import { makeCohort } from '../testing/cohort-fixtures.ts';
import { makePerson } from '../testing/factories.ts';
import { joinCohort } from '../enrolment/join-cohort.ts';
import { listSessions } from '../schedule/schedule.queries.ts';
import { addEntry } from '../workbook/add-entry.ts';
import { shareEntry } from '../workbook/share-entry.ts';
import { openEntry } from '../workbook/open-entry.ts';
import { takeMapSnapshot } from '../workbook/take-map-snapshot.ts';
import { pseudonymOf } from '../evaluation/pseudonym.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';
import { SECRET_LINK } from '../notifications/enqueue-email.ts';
import { pdfFontsPresent } from '../workbook/workbook-pdf.ts';
import { exportPersonalData, EXPORT_AREAS } from './export-personal-data.ts';

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

/**
 * Ana with a full course behind her, and Ben beside her in the same cohort writing the same
 * kinds of things, so a leak of Ben's data into Ana's export shows.
 */
async function fullCourse() {
	const c = await makeCohort(h.db, { cfg, auth });
	const ana = await makePerson(h.db, auth, { organisationId: c.org.id, name: 'Ana Export' });
	const ben = await makePerson(h.db, auth, { organisationId: c.org.id, name: 'Ben Neighbour' });
	const enr: Record<string, string> = {};
	for (const p of [ana, ben]) {
		await joinCohort(h.db, cfg, { cohortId: c.cohort.id, userId: p.id, via: 'invitation' });
		const [e] = await h.db
			.select()
			.from(enrolments)
			.where(and(eq(enrolments.userId, p.id), eq(enrolments.cohortId, c.cohort.id)));
		enr[p.id] = e.id;
	}
	await h.db
		.update(enrolments)
		.set({
			displayName: 'Ana E.',
			background: 'lived_experience',
			accessNeeds: 'ANA-ACCESS captions please',
			specialCategoryConsentAt: new Date()
		})
		.where(eq(enrolments.id, enr[ana.id]));
	await h.db
		.update(enrolments)
		.set({ accessNeeds: 'BEN-ACCESS quiet start', specialCategoryConsentAt: new Date() })
		.where(eq(enrolments.id, enr[ben.id]));
	const sessions = await listSessions(h.db, c.cohort.id);
	for (const s of sessions) {
		for (const p of [ana, ben]) {
			await h.db.insert(attendance).values({
				cohortSessionId: s.id,
				enrolmentId: enr[p.id],
				status: 'present',
				source: 'room',
				firstJoinedAt: s.startsAt
			});
		}
	}
	// Live answers: Ana's own (shared and workbook-only), Ben's, and an anonymous one.
	const answer = (enrolmentId: string | null, text: string, shared = true) =>
		h.db.insert(liveAnswers).values({
			id: randomUUID(),
			cohortSessionId: sessions[0].id,
			blockId: 'check-in',
			enrolmentId,
			payload: { text },
			shared
		});
	await answer(enr[ana.id], 'ANA-LIVE hope grows');
	await answer(enr[ana.id], 'ANA-PRIVATE-LIVE for me only', false);
	await answer(enr[ben.id], 'BEN-LIVE my words');
	await answer(null, 'ANON-LIVE nobody knows');
	// Workbook: Ana's entries (one shared and opened by the facilitator), a snapshot, Ben's entry.
	const entry = (userId: string, text: string) =>
		addEntry(h.db, {
			id: randomUUID(),
			cohortId: c.cohort.id,
			userId,
			sessionNumber: 1,
			kind: 'reflection',
			fields: { text }
		});
	const shared = await entry(ana.id, 'ANA-WB what I learned');
	await entry(ana.id, 'ANA-WB-2 a private note');
	await entry(ben.id, 'BEN-WB his reflection');
	if (!shared.ok) throw new Error('entry');
	await shareEntry(h.db, {
		entryId: shared.entry.id,
		userId: ana.id,
		cohortId: c.cohort.id,
		sharing: 'facilitators'
	});
	await openEntry(h.db, { entryId: shared.entry.id, viewerId: c.lead.id, cohortId: c.cohort.id });
	await addEntry(h.db, {
		id: randomUUID(),
		cohortId: c.cohort.id,
		userId: ana.id,
		sessionNumber: 2,
		kind: 'map-tie',
		fields: {
			name: 'ANA-TIE sister',
			type: 'person',
			sphere: 'belonging',
			closeness: '1',
			quality: 'supportive',
			direction: 'both'
		}
	});
	await takeMapSnapshot(h.db, { cohortId: c.cohort.id, userId: ana.id, label: 'Before' });
	// Evaluation: Ana's pre and post under her pseudonym, Ben's pre under his; and a post of
	// Ben's stored under a key that has since changed (so it cannot be linked any more).
	for (const [p, phase, word] of [
		[ana, 'pre', 'ANA-EVAL-PRE'],
		[ana, 'post', 'ANA-EVAL-POST'],
		[ben, 'pre', 'BEN-EVAL-PRE']
	] as const) {
		await h.db.insert(evaluationRespondents).values({ cohortId: c.cohort.id, phase, userId: p.id });
		await h.db.insert(evaluationResponses).values({
			cohortId: c.cohort.id,
			phase,
			questionnaire: 'q',
			pseudonym: pseudonymOf(cfg.secret, p.id, c.cohort.id),
			answers: { reflection: word }
		});
	}
	await h.db.insert(pulseRespondents).values({ cohortSessionId: sessions[0].id, userId: ana.id });
	await h.db.insert(certificates).values({
		organisationId: c.org.id,
		cohortId: c.cohort.id,
		enrolmentId: enr[ana.id],
		code: `code-${randomUUID()}`,
		nameOnCertificate: 'Ana on paper',
		facts: {
			courseSlug: 'x',
			courseVersion: 1,
			courseTitle: { en: 'Course' },
			organisation: 'Org',
			sessions: [],
			minutesAttended: 540,
			sessionsAttended: 4,
			facilitators: [],
			timeZone: 'Europe/Prague'
		}
	});
	const email = (to: string, subject: string, textBody: string, secretUrl: string | null = null) =>
		h.db.insert(emailOutbox).values({
			toAddress: to,
			subject,
			textBody,
			kind: 'test',
			locale: 'en',
			status: 'sent',
			secretUrl
		});
	await email(ana.email.toUpperCase(), 'ANA-MAIL reminder', 'See you on Monday.');
	await email(
		ana.email,
		'ANA-MAIL sign in',
		`Sign in here: ${SECRET_LINK}`,
		'https://example.org/SECRET-TOKEN'
	);
	await email(ben.email, 'BEN-MAIL reminder', 'Hello Ben.');
	// Who accessed: the facilitator read Ana's access needs; Ana's own read is not access.
	await recordAuditEvents(h.db, [
		{
			actorId: c.lead.id,
			actorRole: 'facilitator',
			subjectId: ana.id,
			action: 'read-access-needs',
			cohortId: c.cohort.id,
			target: 'access-needs'
		},
		{
			actorId: c.lead.id,
			actorRole: 'facilitator',
			subjectId: ben.id,
			action: 'read-access-needs',
			cohortId: c.cohort.id,
			target: 'access-needs'
		}
	]);
	return { c, ana, ben, enr };
}

function unzip(zip: Uint8Array) {
	const files = unzipSync(zip);
	const text = (name: string) => strFromU8(files[name]);
	const json = (name: string) => JSON.parse(text(name));
	return { files, text, json };
}

describe('exportPersonalData', () => {
	it('gives the person every area of their own data, as JSON and readable HTML, and nothing of anyone else', async () => {
		const { ana, c } = await fullCourse();
		const out = await exportPersonalData(h.db, cfg, {
			userId: ana.id,
			locale: 'en',
			actorRole: 'participant'
		});
		const z = unzip(out.zip);
		const names = Object.keys(z.files).sort();
		const expected = [
			'index.html',
			...EXPORT_AREAS.flatMap((a) => [`${a}.html`, `${a}.json`]),
			...(pdfFontsPresent() ? ['workbook-1.pdf'] : [])
		].sort();
		expect(names).toEqual(expected);
		expect([...out.files].sort()).toEqual(expected);

		const all = names
			.filter((n) => !n.endsWith('.pdf'))
			.map((n) => z.text(n))
			.join('\n');
		for (const mine of [
			'ANA-ACCESS',
			'ANA-LIVE',
			'ANA-PRIVATE-LIVE',
			'ANA-WB what I learned',
			'ANA-WB-2',
			'ANA-TIE',
			'ANA-EVAL-PRE',
			'ANA-EVAL-POST',
			'ANA-MAIL reminder',
			'ANA-MAIL sign in',
			'Ana on paper'
		]) {
			expect(all, mine).toContain(mine);
		}
		for (const theirs of [
			'BEN-ACCESS',
			'BEN-LIVE',
			'ANON-LIVE',
			'BEN-WB',
			'BEN-EVAL',
			'BEN-MAIL',
			'Ben Neighbour',
			'SECRET-TOKEN',
			ana.id === c.lead.id ? 'never' : 'a-long-test-password'
		]) {
			expect(all, theirs).not.toContain(theirs);
		}

		// The JSON files hold the data in machine form.
		expect(z.json('account.json').account).toMatchObject({ name: 'Ana Export', email: ana.email });
		expect(z.json('cohort-profiles.json')).toEqual([
			expect.objectContaining({
				accessNeeds: 'ANA-ACCESS captions please',
				background: 'lived_experience'
			})
		]);
		expect(z.json('attendance.json')).toHaveLength(4);
		const live = z.json('live-answers.json');
		expect(live.answers.map((a: { payload: { text: string } }) => a.payload.text).sort()).toEqual([
			'ANA-LIVE hope grows',
			'ANA-PRIVATE-LIVE for me only'
		]);
		const wb = z.json('workbook.json');
		expect(wb).toHaveLength(1);
		expect(wb[0].entries).toHaveLength(3);
		expect(wb[0].mapSnapshots).toHaveLength(1);
		const opened = wb[0].entries.find(
			(e: { fields: { text?: string } }) => e.fields.text === 'ANA-WB what I learned'
		);
		expect(opened.openedBy.map((v: { name: string }) => v.name)).toEqual(['Lead Facilitator']);
		const ev = z.json('evaluation.json');
		expect(
			ev.responses.map((r: { phase: string; linked: boolean }) => [r.phase, r.linked]).sort()
		).toEqual([
			['post', true],
			['pre', true]
		]);
		expect(ev.feedbackPulsesAnswered).toHaveLength(1);
		expect(ev.feedbackPulsesAnswered[0].answers).toBe('not-linkable');
		const mails = z.json('emails.json');
		// Both test emails and the real one joining wrote to her; none of Ben's.
		expect(mails.map((e: { subject: string }) => e.subject).sort()).toEqual([
			'ANA-MAIL reminder',
			'ANA-MAIL sign in',
			'You have a place in Spring group'
		]);
		expect(JSON.stringify(mails)).toContain('[personal link removed]');
		expect(z.json('certificates.json')[0].verifyUrl).toMatch(/\/verify\/code-/);
		const access = z.json('access.json');
		expect(access).toHaveLength(2);
		expect(access).toEqual(
			expect.arrayContaining([
				// The facilitator opened the entry Ana shared with facilitators (openEntry records it).
				expect.objectContaining({ action: 'open-shared-entry', actorName: 'Lead Facilitator' }),
				expect.objectContaining({ action: 'read-access-needs', actorName: 'Lead Facilitator' })
			])
		);

		// The pages are self-contained and readable: a language, headings, tables with headers.
		const index = z.text('index.html');
		expect(index).toMatch(/<html lang="en">/);
		for (const a of EXPORT_AREAS) expect(index).toContain(`href="${a}.html"`);
		expect(all).not.toMatch(/<script|<link |src="http|url\(/);
		expect(z.text('access.html')).toContain('<th scope="col">');
		if (pdfFontsPresent()) {
			expect(strFromU8(z.files['workbook-1.pdf'].subarray(0, 5))).toBe('%PDF-');
		}

		// The export is in the audit log with the person as actor and subject.
		const logged = await h.db.select().from(auditEvents).where(eq(auditEvents.actorId, ana.id));
		expect(logged).toEqual([
			expect.objectContaining({ action: 'export-personal-data', subjectId: ana.id })
		]);
	});

	it('says where questionnaire answers can no longer be linked (the key changed)', async () => {
		const { ben } = await fullCourse();
		const out = await exportPersonalData(h.db, testConfig({ AUTH_SECRET: 'x'.repeat(40) }), {
			userId: ben.id,
			locale: 'en',
			actorRole: 'participant'
		});
		const z = unzip(out.zip);
		const ev = z.json('evaluation.json');
		expect(ev.responses).toEqual([
			expect.objectContaining({ phase: 'pre', linked: false, answers: null })
		]);
		expect(z.text('evaluation.html')).toContain('can no longer be linked to you');
		expect(JSON.stringify(ev)).not.toContain('BEN-EVAL-PRE');
	});

	it('writes the pages in the language asked for', async () => {
		const { ana } = await fullCourse();
		const out = await exportPersonalData(h.db, cfg, {
			userId: ana.id,
			locale: 'cs',
			actorRole: 'participant'
		});
		const index = unzip(out.zip).text('index.html');
		expect(index).toMatch(/<html lang="cs">/);
		expect(index).toContain('Vaše údaje v Trellisu');
		expect(index).toContain('Kdo nahlížel do vašich údajů');
	});
});
