// The embedded engine from the benchmark's side: the app runs it in its DATA_DIR, and only one
// process at a time may run a data directory. So a benchmark that seeds or counts rows itself
// either starts the server here before the app starts (or after it stopped), or reaches the
// server the running app started, through its socket.
import { withDatabase } from '../../src/lib/server/db/client.ts';
import {
	EMBEDDED_DATABASE,
	runningServer,
	startEmbeddedPostgres
} from '../../src/lib/server/db/embedded-postgres.ts';
import { note, sleep } from './log.ts';
import { offCleanup, onCleanup, postmasterPid } from './processes.ts';

/**
 * Starts the embedded server on `dataDir` in this process, makes sure the app's database
 * exists, runs `fn` with its URL, and stops the server again (also on failure or interrupt).
 */
export async function withEmbeddedServer<T>(
	dataDir: string,
	fn: (databaseUrl: string) => Promise<T>
): Promise<T> {
	const server = await startEmbeddedPostgres({
		dataDir,
		log: {
			info: (obj, msg) => note(`embedded: ${msg} ${JSON.stringify(obj)}`),
			warn: (obj, msg) => note(`embedded (warning): ${msg} ${JSON.stringify(obj)}`)
		}
	});
	const key = `embedded server ${dataDir}`;
	onCleanup(key, server.stop);
	try {
		return await fn(server.url(EMBEDDED_DATABASE));
	} finally {
		await server.stop();
		offCleanup(key);
	}
}

/** The app database on the embedded server that the running app started on `dataDir`. */
export function runningAppDatabase(dataDir: string): string {
	const url = runningServer(dataDir);
	if (!url) throw new Error(`no embedded server is running on ${dataDir}`);
	return withDatabase(url, EMBEDDED_DATABASE);
}

/**
 * After the app stopped: its embedded server must have stopped with it. Waits up to
 * `timeoutMs` for the postmaster to go; throws if it is still there.
 */
export async function assertServerStopped(dataDir: string, timeoutMs = 10_000): Promise<void> {
	const pid = postmasterPid(dataDir);
	if (pid === undefined) return;
	const alive = (): boolean => {
		try {
			process.kill(pid, 0);
			return true;
		} catch {
			return false;
		}
	};
	const until = Date.now() + timeoutMs;
	while (alive() && Date.now() < until) await sleep(50);
	if (alive()) {
		process.kill(pid, 'SIGQUIT'); // not left behind: immediate shutdown
		throw new Error(`the embedded server (pid ${pid}) on ${dataDir} outlived its app`);
	}
}
