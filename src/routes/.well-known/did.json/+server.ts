import { json } from '@sveltejs/kit';
import { appContext } from '#lib/server/context.ts';
import { currentOrganisation } from '#lib/server/organisations/current-organisation.ts';
import { ensureCredentialKey } from '#lib/server/certificates/ensure-credential-key.ts';
import { didDocument } from '#lib/server/certificates/credential-format.ts';
import type { RequestHandler } from './$types';

/* did:web: the organisation's public key, so anyone can check its credentials' signatures. */
export const GET: RequestHandler = async () => {
	const { db, cfg } = await appContext();
	const org = await currentOrganisation(db);
	const key = await ensureCredentialKey(db, org.id);
	return json(didDocument(cfg.origin, key.kid, key.publicJwk), {
		headers: { 'content-type': 'application/did+json', 'cache-control': 'public, max-age=300' }
	});
};
