import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Auth } from '../auth/auth.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { enrolments } from '../db/schema/index.ts';
import { joinCohort } from '../enrolment/join-cohort.ts';
import { loadCohortContext } from '../cohorts/cohort-context.ts';
import { listSessions } from '../schedule/schedule.queries.ts';
import { facilitate } from '../live/facilitate.ts';
import { submitAnswer } from '../live/submit-answer.ts';
import { makePerson } from './factories.ts';
import { makeCohort } from './cohort-fixtures.ts';

/* Database tests have no event streams to tell; those that follow events pass a hub's. */
const noAnnounce = async () => {};

/**
 * A cohort with `participants` people holding a place, one of its sessions (the first unless
 * `session` says), and shortcuts to act as its lead facilitator and to answer as one of them.
 * `s1` is that session.
 */
export async function makeLiveSession(
	db: Db,
	opts: { cfg: Config; auth: Auth; participants?: number; session?: number }
) {
	const { cfg, auth, participants = 3, session = 1 } = opts;
	const c = await makeCohort(db, { cfg, auth, capacity: Math.max(18, participants) });
	const people: { id: string; email: string; enrolmentId: string }[] = [];
	for (let i = 0; i < participants; i++) {
		const p = await makePerson(db, auth, { organisationId: c.org.id, name: `P${i}` });
		await joinCohort(db, cfg, { cohortId: c.cohort.id, userId: p.id, via: 'invitation' });
		const [e] = await db.select().from(enrolments).where(eq(enrolments.userId, p.id));
		people.push({ ...p, enrolmentId: e.id });
	}
	const ctx = (await loadCohortContext(db, c.cohort.id))!;
	const s1 = (await listSessions(db, c.cohort.id))[session - 1];
	const structure = ctx.pkg.sessions.find((s) => s.structure.number === session)!.structure;
	const act = (action: Parameters<typeof facilitate>[1]['action'], announce = noAnnounce) =>
		facilitate(db, { sessionId: s1.id, structure, by: c.lead.id, action, announce });
	const answer = (
		p: { enrolmentId: string },
		blockId: string,
		fields: Record<string, unknown>,
		o: {
			pass?: boolean;
			clientId?: string;
			announce?: (sessionId: string) => Promise<void>;
		} = {}
	) =>
		submitAnswer(db, {
			sessionId: s1.id,
			structure,
			enrolmentId: p.enrolmentId,
			clientId: o.clientId ?? randomUUID(),
			blockId,
			pass: !!o.pass,
			fields,
			announce: o.announce ?? noAnnounce
		});
	return { ...c, people, s1, structure, act, answer };
}
