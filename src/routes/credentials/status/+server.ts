import { appContext } from '#lib/server/context.ts';
import { currentOrganisation } from '#lib/server/organisations/current-organisation.ts';
import { listRevokedIndexes } from '#lib/server/certificates/certificates.queries.ts';
import {
	encodeStatusList,
	statusListCredential
} from '#lib/server/certificates/credential-format.ts';
import { signCredential } from '#lib/server/certificates/sign-credential.ts';
import type { RequestHandler } from './$types';

/* The revocation status list (Bitstring Status List) of every credential, signed as a VC-JWT. */
export const GET: RequestHandler = async () => {
	const { db, cfg } = await appContext();
	const org = await currentOrganisation(db);
	const list = encodeStatusList(await listRevokedIndexes(db, org.id));
	const jwt = await signCredential(db, {
		organisationId: org.id,
		origin: cfg.origin,
		credential: statusListCredential(cfg.origin, list, new Date())
	});
	return new Response(jwt, {
		headers: { 'content-type': 'application/vc+jwt', 'cache-control': 'public, max-age=60' }
	});
};
