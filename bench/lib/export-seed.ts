// Gives one participant of the benchmark's seed the heaviest realistic history for the data
// export (issue #16): three completed groups, each with a full workbook (200 entries, map
// snapshots), all four sessions attended, 40 live answers per session (12 sessions), a
// certificate, pre and post questionnaires; and a year of emails (one a day) and of audit
// rows (three a day). Written with the app's own queries and use cases.
import { randomUUID } from 'node:crypto';
import { openDb } from '../../src/lib/server/db/client.ts';
import { findEnrolment } from '../../src/lib/server/enrolment/enrolment.queries.ts';
import { listSessions } from '../../src/lib/server/schedule/schedule.queries.ts';
import { insertRoomAttendance } from '../../src/lib/server/attendance/attendance.queries.ts';
import { insertAnswers } from '../../src/lib/server/live/live-answers.queries.ts';
import { insertCertificate } from '../../src/lib/server/certificates/certificates.queries.ts';
import {
	addEvaluationRespondent,
	insertEvaluationResponse
} from '../../src/lib/server/evaluation/evaluation.queries.ts';
import { pseudonymOf } from '../../src/lib/server/evaluation/pseudonym.ts';
import { insertEmail } from '../../src/lib/server/notifications/outbox.queries.ts';
import { recordAuditEvents } from '../../src/lib/server/audit/record-audit-events.ts';
import { takeMapSnapshot } from '../../src/lib/server/workbook/take-map-snapshot.ts';
import { findUserByEmail, findUserById } from '../../src/lib/server/accounts/users.queries.ts';
import { findFirstOrganisation } from '../../src/lib/server/organisations/organisations.queries.ts';
import { seedWorkbook } from './workbook-seed.ts';

const DAY = 86_400_000;
const ANSWERS_PER_SESSION = 40;
const WORKBOOK_ENTRIES = 200;
const SNAPSHOTS = 5;
const TEXT =
	'Dnes jsem si všiml(a), сьогодні я помітив(-ла), today I noticed how a small step helped.';

export async function seedHeavyPerson(
	databaseUrl: string,
	secret: string,
	who: { userId: string; cohortIds: string[]; slug: string }
): Promise<void> {
	for (const cohortId of who.cohortIds) {
		await seedWorkbook(databaseUrl, { cohortId, userId: who.userId }, WORKBOOK_ENTRIES);
	}
	const h = await openDb(databaseUrl);
	try {
		const person = (await findUserById(h.db, who.userId))!;
		const facilitatorId = (await findUserByEmail(h.db, `lead@${who.slug}.example.org`))!.id;
		const organisationId = (await findFirstOrganisation(h.db))!.id;
		for (const [c, cohortId] of who.cohortIds.entries()) {
			const enrolment = (await findEnrolment(h.db, cohortId, who.userId))!;
			const sessions = await listSessions(h.db, cohortId);
			for (const s of sessions) {
				await insertRoomAttendance(h.db, {
					cohortSessionId: s.id,
					enrolmentId: enrolment.id,
					status: 'present',
					at: s.startsAt
				});
				await h.db.transaction((tx) =>
					insertAnswers(
						tx,
						Array.from({ length: ANSWERS_PER_SESSION }, (_, i) => ({
							id: randomUUID(),
							cohortSessionId: s.id,
							blockId: `block-${i % 12}`,
							enrolmentId: enrolment.id,
							payload: i % 3 ? { text: TEXT } : { words: ['hope', 'naděje', 'надія'] },
							shared: i % 5 !== 0
						}))
					)
				);
			}
			for (let i = 0; i < SNAPSHOTS; i++) {
				await takeMapSnapshot(h.db, { cohortId, userId: who.userId, label: `Snapshot ${i + 1}` });
			}
			await insertCertificate(h.db, {
				organisationId,
				cohortId,
				enrolmentId: enrolment.id,
				code: randomUUID(),
				nameOnCertificate: person.name,
				facts: {
					courseSlug: 'recovery-oriented-practice',
					courseVersion: 1,
					courseTitle: { en: 'Recovery-Oriented Practice' },
					organisation: 'Bench Recovery College',
					sessions: sessions.map((s) => ({
						number: s.number,
						startsAt: s.startsAt.toISOString(),
						endsAt: s.endsAt.toISOString()
					})),
					minutesAttended: 720,
					sessionsAttended: 4,
					facilitators: ['Lead', 'Co'],
					timeZone: 'UTC'
				},
				issuedAt: new Date(),
				issuedBy: null,
				issueReason: null
			});
			for (const phase of ['pre', 'post']) {
				await addEvaluationRespondent(h.db, { cohortId, phase, userId: who.userId });
				await insertEvaluationResponse(h.db, {
					cohortId,
					phase,
					questionnaire: 'recovery-oriented-practice',
					pseudonym: pseudonymOf(secret, who.userId, cohortId),
					answers: { 'k-1': 'a', 'l-1': 4, 'o-1': `${TEXT} (${c})` }
				});
			}
		}
		const start = Date.now() - 365 * DAY;
		for (let d = 0; d < 365; d++) {
			const at = new Date(start + d * DAY);
			await insertEmail(h.db, {
				toAddress: person.email,
				subject: `Reminder ${d}`,
				textBody: `${TEXT}\n`.repeat(8),
				kind: 'session-reminder',
				locale: 'en',
				status: 'sent',
				createdAt: at,
				sentAt: at
			});
			await recordAuditEvents(
				h.db,
				[
					{
						actorId: facilitatorId,
						actorRole: 'facilitator',
						subjectId: who.userId,
						action: 'read-access-needs',
						cohortId: who.cohortIds[d % who.cohortIds.length],
						target: 'access-needs'
					},
					{
						actorId: facilitatorId,
						actorRole: 'facilitator',
						subjectId: who.userId,
						action: 'open-shared-entry',
						target: `workbook-entry:${d}`
					},
					{
						actorId: facilitatorId,
						actorRole: 'facilitator',
						subjectId: who.userId,
						action: 'export-attendance',
						cohortId: who.cohortIds[d % who.cohortIds.length]
					}
				],
				at
			);
		}
	} finally {
		await h.close();
	}
}
