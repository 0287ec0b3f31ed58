import { config } from '../config.ts';
import { openDb, type DbHandle } from './client.ts';

/*
 * The app's single database handle, opened lazily so that `vite build` (which imports
 * server modules to analyse routes) never touches a database.
 */
let handle: Promise<DbHandle> | undefined;

export function getDbHandle(): Promise<DbHandle> {
	handle ??= openDb(config().DATABASE_URL, { migrationsFolder: config().MIGRATIONS_DIR });
	return handle;
}

export async function closeDb(): Promise<void> {
	if (!handle) return;
	const h = await handle.catch(() => undefined);
	handle = undefined;
	await h?.close();
}
