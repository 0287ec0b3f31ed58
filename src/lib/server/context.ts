import { getRequestEvent } from '$app/server';
import { createAuth, type Auth } from './auth/auth.ts';
import { config, type Config } from './config.ts';
import type { Db, DbKind } from './db/client.ts';
import { getDbHandle } from './db/index.ts';

export type AppContext = { db: Db; kind: DbKind; cfg: Config; auth: Auth };

let ctx: Promise<AppContext> | undefined;

/** The server's shared context: one database handle and one auth instance per process. */
export function appContext(): Promise<AppContext> {
	ctx ??= (async () => {
		const cfg = config();
		const h = await getDbHandle();
		const auth = createAuth(h.db, cfg, { getRequestEvent });
		return { db: h.db, kind: h.kind, cfg, auth };
	})();
	return ctx;
}

export function resetAppContext() {
	ctx = undefined;
}
