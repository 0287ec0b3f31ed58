import type { Db } from '../db/client.ts';
import { findCertificateOfEnrolment, setCertificateName } from './certificates.queries.ts';

/**
 * The participant chooses the name printed on their valid certificate (any name they are
 * known by; a legal name is never asked for). The PDF, the credential and the verification
 * page all show the new name from now on; a revoked certificate keeps the name it had.
 */
export async function renameCertificate(
	db: Db,
	input: { enrolmentId: string; name: string }
): Promise<{ ok: true } | { ok: false; reason: 'no-certificate' }> {
	const c = await findCertificateOfEnrolment(db, input.enrolmentId);
	if (!c || c.revokedAt) return { ok: false, reason: 'no-certificate' };
	await setCertificateName(db, c.id, input.name);
	return { ok: true };
}
