import { createHmac, hkdfSync } from 'node:crypto';

/*
 * The pseudonym that pairs a person's pre and post answers (ADR 023): HMAC-SHA256 of person and
 * cohort under a key derived from the server's secret (AUTH_SECRET, kept in the environment,
 * never in the database). Without the key, a pseudonym cannot be computed from a person, nor a
 * person found from a pseudonym; a different cohort gives an unrelated pseudonym.
 */
const keys = new Map<string, Buffer>();

function keyFor(secret: string) {
	let k = keys.get(secret);
	if (!k) {
		k = Buffer.from(hkdfSync('sha256', secret, 'trellis', 'evaluation-pseudonym-v1', 32));
		keys.set(secret, k);
	}
	return k;
}

export function pseudonymOf(secret: string, userId: string, cohortId: string) {
	return createHmac('sha256', keyFor(secret)).update(`${userId}\0${cohortId}`).digest('base64url');
}
