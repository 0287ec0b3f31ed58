import { config } from '../config.ts';
import { log } from '../log.ts';
import { openDb, type DbHandle } from './client.ts';
import {
	EMBEDDED_DATABASE,
	startEmbeddedPostgres,
	type EmbeddedServer
} from './embedded-postgres.ts';
import { importPgliteData } from './import-pglite.ts';
import { explainDbError } from './db-errors.ts';

/*
 * The app's single database handle, opened lazily so that `vite build` (which imports
 * server modules to analyse routes) never touches a database. Without DATABASE_URL it first
 * starts the embedded server in DATA_DIR, and close() stops that server after the pool.
 */
let handle: Promise<DbHandle> | undefined;
let embedded: EmbeddedServer | undefined;

export function getDbHandle(): Promise<DbHandle> {
	handle ??= open().catch((e) => {
		throw explainDbError(e, config().DATA_DIR);
	});
	return handle;
}

/** The embedded server's data directory, or undefined on an external server. */
export function embeddedDataDir(): string | undefined {
	return embedded?.dataDir;
}

async function open(): Promise<DbHandle> {
	const cfg = config();
	const migrationsFolder = cfg.MIGRATIONS_DIR;
	if (cfg.DATABASE_URL) return openDb(cfg.DATABASE_URL, { migrationsFolder });
	const server = await startEmbeddedPostgres({ dataDir: cfg.DATA_DIR, log });
	embedded = server;
	try {
		const url = server.url(EMBEDDED_DATABASE);
		const h = await openDb(url, { migrationsFolder, kind: 'embedded' });
		if (server.legacyPglite) await importPgliteData(server.dataDir, h, { migrationsFolder, log });
		return {
			...h,
			close: async () => {
				await h.close();
				await server.stop();
			}
		};
	} catch (e) {
		await server.stop();
		embedded = undefined;
		throw e;
	}
}

export async function closeDb(): Promise<void> {
	if (!handle) return;
	const h = await handle.catch(() => undefined);
	handle = undefined;
	await h?.close();
	embedded = undefined;
}
