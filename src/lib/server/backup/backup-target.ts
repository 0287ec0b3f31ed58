import type { Config } from '../config.ts';
import { withDatabase } from '../db/client.ts';
import {
	EMBEDDED_DATABASE,
	runningServer,
	startEmbeddedPostgres
} from '../db/embedded-postgres.ts';

const quiet = { info: () => {}, warn: () => {} };

/**
 * The database the backup and restore commands work on: DATABASE_URL's, or the embedded one
 * in DATA_DIR. A backup reads through the running app's server when there is one (the app
 * keeps serving); otherwise the command starts the server itself and stops it afterwards.
 * A restore never runs beside the app: it takes the data directory's lock like a start does.
 */
export async function openTarget(
	cfg: Config,
	mode: 'backup' | 'restore'
): Promise<{ url: string; where: string; stop: () => Promise<void> }> {
	if (cfg.DATABASE_URL) {
		const u = new URL(cfg.DATABASE_URL);
		return { url: cfg.DATABASE_URL, where: `${u.host}${u.pathname}`, stop: async () => {} };
	}
	const where = `the embedded database in ${cfg.DATA_DIR}`;
	if (mode === 'backup') {
		const running = runningServer(cfg.DATA_DIR);
		if (running) {
			return { url: withDatabase(running, EMBEDDED_DATABASE), where, stop: async () => {} };
		}
	}
	const server = await startEmbeddedPostgres({ dataDir: cfg.DATA_DIR, log: quiet });
	return { url: server.url(EMBEDDED_DATABASE), where, stop: server.stop };
}
