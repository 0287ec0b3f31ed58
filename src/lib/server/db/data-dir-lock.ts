import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * Holds a data directory for this process, so a second Trellis on the same directory is
 * refused while the first keeps running. Resolves to a release function, or to null when the
 * directory is held by a live process.
 *
 * On Linux the lock is an abstract Unix socket named after the directory: the kernel frees
 * it the moment its process ends, however it ends, so a restart after `kill -9` is not kept
 * waiting. Elsewhere a lock file refreshed every few seconds stands in (a hard-killed
 * process's lock then counts as abandoned after 15 s).
 */
export async function lockDataDir(dir: string): Promise<(() => Promise<void>) | null> {
	const real = realpathSync(dir);
	if (process.platform === 'linux') {
		const name = `\0trellis-data-${createHash('sha256').update(real).digest('hex').slice(0, 32)}`;
		const server: Server = createServer((s) => s.destroy());
		const ok = await new Promise<boolean>((resolve, reject) => {
			server.once('error', (e: NodeJS.ErrnoException) =>
				e.code === 'EADDRINUSE' ? resolve(false) : reject(e)
			);
			server.listen({ path: name }, () => resolve(true));
		});
		if (!ok) return null;
		server.unref();
		return () => new Promise<void>((r) => server.close(() => r()));
	}
	try {
		const release = await lockfile.lock(real, {
			lockfilePath: join(real, '.trellis.lock'),
			realpath: false,
			stale: 15_000,
			update: 5_000,
			onCompromised: () => {
				/* the next start sees a stale lock and takes it; nothing to do here */
			}
		});
		return release;
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ELOCKED') return null;
		throw e;
	}
}
