import type { Db } from '../db/client.ts';
import { log } from '../log.ts';
import { findEnrolmentPerson } from './certificates.queries.ts';
import { issueCertificate } from './issue-certificate.ts';

/**
 * Called after every attendance write: if that write made the participant's completion
 * "completed", their certificate is issued. Never throws into the attendance write that
 * called it: a failure is logged and the next write (or a facilitator) tries again.
 */
export async function issueOnCompletion(db: Db, input: { enrolmentId: string; now?: Date }) {
	try {
		const person = await findEnrolmentPerson(db, input.enrolmentId);
		if (!person) return false;
		const r = await issueCertificate(db, { ...input, cohortId: person.cohortId, by: null });
		if (r.ok) log.info({ cohortId: person.cohortId }, 'certificate issued on completion');
		return r.ok;
	} catch (err) {
		log.error({ err }, 'issuing a certificate on completion failed');
		return false;
	}
}
