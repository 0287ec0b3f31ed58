// Seeds the programme-report benchmark: `cohorts` groups of 18 (seedLive), then, in bulk SQL,
// full outcome data for every group: attendance at all four sessions, a pulse answer per person
// and session (with a comment), pre and post questionnaires per person, a certificate per
// person. The lead facilitator is made an admin; returns their sign-in cookie.
import { connect } from '../../src/lib/server/db/client.ts';
import { seedLive } from './live-seed.ts';

export async function seedOutcomes(databaseUrl: string, origin: string, cohorts: number) {
	const seed = await seedLive(databaseUrl, origin, cohorts, { slug: 'outcomes' });
	// connect() understands the embedded server's socket URL.
	const sql = await connect(databaseUrl, { max: 1 });
	try {
		await sql`insert into memberships (organisation_id, user_id, role)
			select organisation_id, user_id, 'admin' from memberships
			where role = 'facilitator' and user_id = (select id from users where email like 'lead@%' limit 1)`;
		await sql`insert into attendance (cohort_session_id, enrolment_id, status, source)
			select s.id, e.id, (case when random() < 0.85 then 'present' else 'absent' end)::attendance_status, 'facilitator'
			from cohort_sessions s join enrolments e on e.cohort_id = s.cohort_id`;
		await sql`insert into pulse_answers (cohort_session_id, useful, pace, able_to_pass, safe_to_share, comment)
			select s.id, 1 + floor(random() * 5)::int, 1 + floor(random() * 3)::int,
				1 + floor(random() * 5)::int, 1 + floor(random() * 5)::int, 'A comment ' || g
			from cohort_sessions s, generate_series(1, 18) g`;
		await sql`insert into evaluation_responses (cohort_id, phase, questionnaire, pseudonym, answers)
			select c.id, ph, 'rop-evaluation@1', md5(c.id::text || g),
				jsonb_build_object('k-recovery', 'b', 'k-chime', (array['a','b','c','d'])[1 + floor(random() * 4)::int],
					'k-core-acts', 'd', 'c-explain', 1 + floor(random() * 5)::int,
					'a-belonging', 1 + floor(random() * 5)::int, 'i-learn-more', 1 + floor(random() * 5)::int,
					'o-recovery-means', 'Some words ' || g)
			from cohorts c, generate_series(1, 18) g, unnest(array['pre', 'post']) ph`;
		await sql`insert into certificates (organisation_id, cohort_id, enrolment_id, code, name_on_certificate, facts)
			select c.organisation_id, e.cohort_id, e.id, md5(random()::text) || md5(random()::text), 'A name', '{}'::jsonb
			from enrolments e join cohorts c on c.id = e.cohort_id`;
		await sql`analyze`;
	} finally {
		await sql.end();
	}
	return seed.lead;
}
