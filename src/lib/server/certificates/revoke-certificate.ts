import type { Db } from '../db/client.ts';
import { listCertificatesOfCohort, markCertificateRevoked } from './certificates.queries.ts';

/**
 * A facilitator of the cohort (or an admin) revokes one of its certificates, with a reason.
 * The certificate stays: its verification page and the status list say "revoked" from now on.
 */
export async function revokeCertificate(
	db: Db,
	input: { cohortId: string; certificateId: string; by: string; reason: string; now?: Date }
): Promise<
	{ ok: true } | { ok: false; reason: 'not-found' | 'already-revoked' | 'reason-missing' }
> {
	const reason = input.reason.trim();
	if (!reason) return { ok: false, reason: 'reason-missing' };
	const own = (await listCertificatesOfCohort(db, input.cohortId)).find(
		(c) => c.id === input.certificateId
	);
	if (!own) return { ok: false, reason: 'not-found' };
	const done = await markCertificateRevoked(db, own.id, {
		at: input.now ?? new Date(),
		by: input.by,
		reason
	});
	return done ? { ok: true } : { ok: false, reason: 'already-revoked' };
}
