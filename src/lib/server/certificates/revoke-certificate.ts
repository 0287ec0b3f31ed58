import type { Db } from '../db/client.ts';
import { listCertificatesOfCohort, markCertificateRevoked } from './certificates.queries.ts';
import { findEnrolmentById } from '../enrolment/enrolment.queries.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';

/**
 * A facilitator of the cohort (or an admin) revokes one of its certificates, with a reason.
 * The certificate stays: its verification page and the status list say "revoked" from now on.
 * The holder sees the revocation in their access log (the reason stays with the certificate).
 */
export async function revokeCertificate(
	db: Db,
	input: {
		cohortId: string;
		certificateId: string;
		by: string;
		byRole?: 'facilitator' | 'admin';
		reason: string;
		now?: Date;
	}
): Promise<
	{ ok: true } | { ok: false; reason: 'not-found' | 'already-revoked' | 'reason-missing' }
> {
	const reason = input.reason.trim();
	if (!reason) return { ok: false, reason: 'reason-missing' };
	const own = (await listCertificatesOfCohort(db, input.cohortId)).find(
		(c) => c.id === input.certificateId
	);
	if (!own) return { ok: false, reason: 'not-found' };
	const now = input.now ?? new Date();
	// An erased person's kept certificate has no enrolment any more: nobody to tell.
	const holder = own.enrolmentId
		? await findEnrolmentById(db, input.cohortId, own.enrolmentId)
		: undefined;
	const done = await db.transaction(async (tx) => {
		const marked = await markCertificateRevoked(tx, own.id, { at: now, by: input.by, reason });
		if (marked) {
			await recordAuditEvents(
				tx,
				[
					{
						actorId: input.by,
						actorRole: input.byRole ?? 'facilitator',
						subjectId: holder?.userId ?? null,
						action: 'revoke-certificate',
						cohortId: input.cohortId,
						target: `certificate:${own.code}`
					}
				],
				now
			);
		}
		return marked;
	});
	return done ? { ok: true } : { ok: false, reason: 'already-revoked' };
}
