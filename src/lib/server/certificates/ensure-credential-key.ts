import { exportJWK, generateKeyPair } from 'jose';
import type { Db } from '../db/client.ts';
import { findCredentialKey, insertCredentialKey } from './certificates.queries.ts';

/**
 * The organisation's Ed25519 signing key, made on first use. Two processes that make one at
 * once both insert; the first row wins and both go on with it, so a credential is never
 * signed with a key that the DID document does not publish.
 */
export async function ensureCredentialKey(db: Db, organisationId: string) {
	const found = await findCredentialKey(db, organisationId);
	if (found) return found;
	const { publicKey, privateKey } = await generateKeyPair('EdDSA', {
		crv: 'Ed25519',
		extractable: true
	});
	const publicJwk = (await exportJWK(publicKey)) as Record<string, string>;
	const privateJwk = (await exportJWK(privateKey)) as Record<string, string>;
	await insertCredentialKey(db, { organisationId, kid: 'key-1', publicJwk, privateJwk });
	const row = await findCredentialKey(db, organisationId);
	if (!row) throw new Error('credential key was not stored');
	return row;
}
