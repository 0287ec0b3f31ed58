import { importJWK, SignJWT } from 'jose';
import type { Db } from '../db/client.ts';
import { ensureCredentialKey } from './ensure-credential-key.ts';
import { didWeb } from './credential-format.ts';

/**
 * Signs a Verifiable Credential as a JWT (VC-JOSE-COSE: the payload is the credential, with
 * iss, sub, jti, nbf beside it for JWT tools) with the organisation's Ed25519 key. The
 * header's kid points into the DID document at /.well-known/did.json.
 */
export async function signCredential(
	db: Db,
	input: { organisationId: string; origin: string; credential: Record<string, unknown> }
) {
	const key = await ensureCredentialKey(db, input.organisationId);
	const privateKey = await importJWK(key.privateJwk, 'EdDSA');
	const did = didWeb(input.origin);
	const c = input.credential as { id?: string; validFrom?: string };
	const jwt = new SignJWT(input.credential)
		.setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: `${did}#${key.kid}` })
		.setIssuer(did)
		.setIssuedAt();
	if (c.id) jwt.setJti(c.id).setSubject(c.id);
	if (c.validFrom) jwt.setNotBefore(Math.floor(new Date(c.validFrom).getTime() / 1000));
	return jwt.sign(privateKey);
}
