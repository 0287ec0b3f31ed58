import { randomUUID } from 'node:crypto';
import { wallClock, zonedToUtc } from '#lib/time/zoned.ts';
import type { Db } from '../db/client.ts';
import type { Background, Visibility } from '../db/schema/index.ts';
import type { SessionStructure } from '../courses/course-package.schema.ts';
import type { CoursePackage } from '../courses/validate-course-package.ts';
import { log } from '../log.ts';
import { createCohort } from '../cohorts/create-cohort.ts';
import { insertEnrolment } from '../enrolment/enrolment.queries.ts';
import { listSessions } from '../schedule/schedule.queries.ts';
import { updateCohortProfile } from '../enrolment/update-cohort-profile.ts';
import { correctAttendance, recordEnrolledJoin } from '../attendance/record-attendance.ts';
import { facilitate, type FacilitatorAction } from '../live/facilitate.ts';
import { submitAnswer } from '../live/submit-answer.ts';

export const DEMO_COHORT_NAME = 'Demo group: the course in progress';

const MIN = 60_000;
const DAY = 86_400_000;
const TIME_ZONE = 'Europe/Amsterdam';

type Place = {
	email: string;
	profile: {
		displayName?: string;
		background?: Background;
		backgroundVisibility?: Visibility;
		accessNeeds?: string;
	};
	/** When they first joined Day 1's room, in minutes from its start; null: excused. */
	joinedDay1: number | null;
};

/*
 * Six fictional participants. What each tells the group is their own choice: some name a
 * background for everyone, one only for the facilitators, others nothing at all.
 */
const PLACES: Place[] = [
	{
		email: 'jana@example.org',
		profile: { background: 'volunteer', backgroundVisibility: 'cohort' },
		joinedDay1: -3
	},
	{
		email: 'olena@example.org',
		profile: { accessNeeds: 'Captions or a short written summary help me follow in English.' },
		joinedDay1: -1
	},
	{
		email: 'petr@example.org',
		profile: { displayName: 'Petr', background: 'professional', backgroundVisibility: 'cohort' },
		joinedDay1: 20
	},
	{
		email: 'mira@example.org',
		profile: { background: 'lived_experience', backgroundVisibility: 'facilitators' },
		joinedDay1: -6
	},
	{
		email: 'taras@example.org',
		profile: { background: 'prefer_not_to_say' },
		joinedDay1: null
	},
	{ email: 'robin@example.org', profile: { displayName: 'Robin' }, joinedDay1: 2 }
];

const PASS = 'pass' as const;
type Answer = [who: string, fields: Record<string, unknown> | typeof PASS];

/*
 * What was shared on Day 1, by block: the check-in, the anonymous poll, a reflection kept
 * private, the word cloud and the closing round. Petr came after the check-in; passing is as
 * ordinary as answering. Activities a facilitator revealed are what the session record keeps.
 */
const DAY1: { block: string; type: string; reveal: boolean; answers: Answer[] }[] = [
	{
		block: 'welcome',
		type: 'check-in',
		reveal: true,
		answers: [
			['mira', { word: 'curious' }],
			['jana', { word: 'zvědavá' }],
			['olena', { word: 'hopeful' }],
			['robin', PASS]
		]
	},
	{
		block: 'what-is-recovery',
		type: 'poll',
		reveal: true,
		answers: [
			['mira', { options: ['good-life', 'belonging-again'] }],
			['jana', { options: ['good-life'] }],
			['olena', { options: ['belonging-again', 'not-sure'] }],
			['petr', { options: ['fewer-symptoms', 'good-life'] }],
			['robin', { options: ['not-sure'] }]
		]
	},
	{
		block: 'chime-reflection',
		type: 'open-prompt',
		reveal: false,
		answers: [
			[
				'mira',
				{
					text: 'Connectedness stands out for me: the people who kept in touch made a difference.',
					share: false
				}
			]
		]
	},
	{
		block: 'recovery-and-wellbeing',
		type: 'word-cloud',
		reveal: true,
		answers: [
			['mira', { words: ['connection', 'purpose'] }],
			['jana', { words: ['hope', 'friends'] }],
			['olena', { words: ['sleep', 'hope', 'walks'] }],
			['petr', { words: ['routine', 'hope'] }],
			['robin', PASS]
		]
	},
	{
		block: 'closing-round',
		type: 'closing-round',
		reveal: true,
		answers: [
			['mira', { text: 'I am taking with me that recovery is rarely a straight line.' }],
			['jana', { text: 'Thank you. It helped to hear that every kind of knowledge counts here.' }],
			['olena', { text: 'Glad I came. See you next week.' }],
			['robin', { text: 'Tired, but glad I came.' }],
			['petr', PASS]
		]
	}
];

/* Nothing listens yet while the app starts: the events are in the log for anyone who comes. */
const noAnnounce = async () => {};

/**
 * The four session starts of a weekly group whose Day 2 opens now: Day 2 begins on the next
 * round five minutes at least five minutes ahead (so its join window, which opens 15 minutes
 * before, is open), Day 1 a week earlier and Days 3 and 4 in the weeks after, at the same time
 * on the group's clock.
 */
function weeklyStarts(now: Date): Date[] {
	const step = 5 * MIN;
	const day2 = Math.ceil(now.getTime() / step) * step + step;
	const wall = wallClock(day2, TIME_ZONE);
	const [y, m, d] = wall.date.split('-').map(Number);
	return [-1, 0, 1, 2].map((weeks) => {
		const date = new Date(Date.UTC(y, m - 1, d + weeks * 7)).toISOString().slice(0, 10);
		// A wall time that a daylight-saving change skips falls back to exactly n weeks.
		return zonedToUtc(date, wall.time, TIME_ZONE) ?? new Date(day2 + weeks * 7 * DAY);
	});
}

/**
 * Seeds the demo's course in progress, inside the bootstrap transaction: a group led by Sam
 * (a peer trainer) and Dana with six participants, whose Day 1 was held a week before `now`
 * (attendance, answers and reveals written by the live room's own use cases, so the data is
 * what a real session leaves), whose Day 2 is open now and not yet begun, and whose Days 3
 * and 4 are ahead. Only called on an empty database outside production; a restart never
 * comes here again, so nothing moves. Returns the group and when Day 2's room closes.
 */
export async function seedDemoCohort(
	db: Db,
	input: {
		organisationId: string;
		courseVersionId: string;
		pkg: CoursePackage;
		people: Map<string, string>;
		now: Date;
	}
) {
	const { pkg, now } = input;
	const user = (email: string) => {
		const id = input.people.get(email);
		if (!id) throw new Error(`demo person ${email} is missing`);
		return id;
	};
	const structure = (n: number) => pkg.sessions.find((s) => s.structure.number === n)!.structure;
	const starts = weeklyStarts(now);
	const sam = user('sam@example.org');
	const dana = user('dana@example.org');
	// The dates count as set now: no reminder goes out for a Day 2 nobody was waiting for.
	const { cohort } = await createCohort(
		db,
		{
			organisationId: input.organisationId,
			courseVersionId: input.courseVersionId,
			name: DEMO_COHORT_NAME,
			locale: 'en',
			timeZone: TIME_ZONE,
			capacity: pkg.course.capacity,
			joinNeedsApproval: false,
			completionRule: { minPresent: 3, required: [] },
			sessions: starts.map((startsAt, i) => ({
				number: i + 1,
				startsAt,
				endsAt: new Date(startsAt.getTime() + structure(i + 1).minutes * MIN),
				videoKind: 'none' as const,
				videoUrl: null,
				videoRoom: null,
				videoSecret: null
			})),
			createdBy: sam,
			creatorIsPeerTrainer: true,
			coFacilitators: [{ userId: dana, peerTrainer: false }]
		},
		now
	);
	const sessions = await listSessions(db, cohort.id);
	const day1 = sessions[0];

	// Places are written with the query joinCohort uses, not through it: the use case would
	// also write six "you have a place" emails now, about places taken before Day 1.
	const enrolment = new Map<string, string>();
	for (const p of PLACES) {
		const row = await insertEnrolment(db, {
			cohortId: cohort.id,
			userId: user(p.email),
			status: 'enrolled'
		});
		enrolment.set(p.email.split('@')[0], row.id);
		await updateCohortProfile(db, row.id, {
			displayName: p.profile.displayName ?? null,
			pronouns: null,
			background: p.profile.background ?? null,
			backgroundVisibility: p.profile.backgroundVisibility ?? 'nobody',
			accessNeeds: p.profile.accessNeeds ?? null,
			// The demo people are fictional; their profiles stand for ones given with consent.
			consent: true
		});
	}

	// Day 1: people join the room (Petr late), Taras is excused by Dana.
	const at = (minutes: number) => new Date(day1.startsAt.getTime() + minutes * MIN);
	for (const p of PLACES) {
		const enrolmentId = enrolment.get(p.email.split('@')[0])!;
		if (p.joinedDay1 === null) {
			await correctAttendance(db, {
				cohortId: cohort.id,
				cohortSessionId: day1.id,
				enrolmentId,
				status: 'excused',
				by: dana
			});
		} else {
			await recordEnrolledJoin(db, {
				cohortSessionId: day1.id,
				enrolmentId,
				startsAt: day1.startsAt,
				now: at(p.joinedDay1)
			});
		}
	}

	// Sam leads Day 1 through every part, on the planned clock.
	const s1: SessionStructure = structure(1);
	const act = async (type: FacilitatorAction['type'], minutes: number) => {
		const r = await facilitate(db, {
			sessionId: day1.id,
			structure: s1,
			by: sam,
			action: { type } as FacilitatorAction,
			announce: noAnnounce,
			now: at(minutes)
		});
		if (!r.ok) log.warn({ type, reason: r.reason }, 'demo seed: a Day 1 step was refused');
	};
	let offset = 0;
	for (const [i, block] of s1.blocks.entries()) {
		if (i > 0) await act('next', offset);
		const script = DAY1.find((d) => d.block === block.id && d.type === block.activity?.type);
		if (script) {
			await act('start', offset + 1);
			for (const [who, fields] of script.answers) {
				const r = await submitAnswer(db, {
					sessionId: day1.id,
					structure: s1,
					enrolmentId: enrolment.get(who)!,
					clientId: randomUUID(),
					blockId: block.id,
					pass: fields === PASS,
					fields: fields === PASS ? {} : fields,
					announce: noAnnounce
				});
				if (!r.ok) {
					log.warn({ block: block.id, reason: r.reason }, 'demo seed: an answer was refused');
				}
			}
			if (script.reveal) await act('reveal', offset + block.minutes - 2);
		}
		offset += block.minutes;
	}

	return { cohortId: cohort.id, roomOpenUntil: sessions[1].endsAt };
}
