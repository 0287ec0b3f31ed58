import { spawn } from 'node:child_process';
import {
	chmodSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from './client.ts';
import {
	DataDirInUseError,
	EmbeddedPostgresError,
	explainFailure,
	reachableBy,
	startEmbeddedPostgres,
	type Logger
} from './embedded-postgres.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir() {
	const d = mkdtempSync(join(tmpdir(), 'trellis-epg-'));
	dirs.push(d);
	return d;
}
function recordingLog() {
	const lines: string[] = [];
	const log: Logger = { info: (_o, m) => lines.push(m), warn: (_o, m) => lines.push(`WARN ${m}`) };
	return { log, lines };
}
const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

describe('the embedded PostgreSQL', () => {
	it('listens on a socket in the data directory only, and refuses a second Trellis while the first keeps working', async () => {
		const dir = tempDir();
		const first = await startEmbeddedPostgres({ dataDir: dir, log: recordingLog().log });
		// A 0700 directory in /tmp is opened for passage to the server's user, not relocated.
		expect(first.clusterDir).toBe(join(dir, 'postgres'));
		try {
			const sql = await connect(first.url('postgres'), { max: 1 });
			const [row] =
				await sql`select inet_server_addr() as addr, current_setting('listen_addresses') as listen`;
			expect(row).toEqual({ addr: null, listen: '' });
			await expect(
				startEmbeddedPostgres({ dataDir: dir, log: recordingLog().log })
			).rejects.toBeInstanceOf(DataDirInUseError);
			await expect(sql`select 1 as one`).resolves.toEqual([{ one: 1 }]);
			await sql.end();
		} finally {
			await first.stop();
		}
		expect(alive(first.pid)).toBe(false);
		const again = await startEmbeddedPostgres({ dataDir: dir, log: recordingLog().log });
		await again.stop();
	});

	it('stops a server orphaned by a hard kill of its app and its watchdog, then starts with the data intact', async () => {
		const dir = tempDir();
		const holder = spawn(process.execPath, ['src/lib/server/testing/hold-embedded-server.ts', dir]);
		const { pid } = await new Promise<{ pid: number }>((resolve, reject) => {
			let out = '';
			holder.stdout.on('data', (d) => {
				out += d;
				if (out.includes('\n')) resolve(JSON.parse(out));
			});
			holder.on('exit', () => reject(new Error(`holder exited: ${out}`)));
		});
		const before = await startAndWrite(dir, pid);
		// kill -9 of the app and of the whole watchdog (the shell and its subshell): the server
		// keeps running with parent 1, as it would if the watchdog had died with the app.
		const watchdog = parentOf(pid);
		for (const p of childrenOf(watchdog)) if (p !== pid) process.kill(p, 'SIGKILL');
		process.kill(watchdog, 'SIGKILL');
		holder.kill('SIGKILL');
		await new Promise((r) => setTimeout(r, 300));
		expect(alive(pid)).toBe(true);

		const { log, lines } = recordingLog();
		const t0 = Date.now();
		const server = await startEmbeddedPostgres({ dataDir: dir, log });
		try {
			expect(Date.now() - t0).toBeLessThan(15_000);
			expect(lines).toContain(
				'WARN stopping the database server left running by an earlier Trellis process'
			);
			expect(alive(pid)).toBe(false);
			const sql = await connect(server.url('postgres'), { max: 1 });
			expect(await sql`select v from kept`).toEqual(before);
			await sql.end();
		} finally {
			await server.stop();
		}
	});

	it('starts the server again when it stops while the app runs', async () => {
		const dir = tempDir();
		const { log, lines } = recordingLog();
		const server = await startEmbeddedPostgres({ dataDir: dir, log });
		try {
			const sql = await connect(server.url('postgres'), { max: 1 });
			await sql`create table kept (v int)`;
			await sql`insert into kept values (7)`;
			const first = server.pid;
			process.kill(first, 'SIGKILL');
			await expect
				.poll(() => server.pid !== first && alive(server.pid), { timeout: 20_000 })
				.toBe(true);
			// The pool reconnects by itself; the committed row survived crash recovery.
			await expect
				.poll(async () => (await sql`select v from kept`.catch(() => []))[0]?.v, {
					timeout: 10_000
				})
				.toBe(7);
			expect(lines).toContain('WARN the embedded database server stopped; starting it again');
			await sql.end();
		} finally {
			await server.stop();
		}
		expect(alive(server.pid)).toBe(false);
	});

	it('explains a start that cannot happen in one sentence', async () => {
		const dir = tempDir();
		writeFileSync(join(dir, 'a-file'), 'x');
		await expect(
			startEmbeddedPostgres({ dataDir: join(dir, 'a-file', 'data'), log: recordingLog().log })
		).rejects.toThrow(/^Cannot create the data directory .*a-file\/data/);

		const old = join(dir, 'old');
		mkdirSync(join(old, 'postgres'), { recursive: true });
		writeFileSync(join(old, 'postgres', 'PG_VERSION'), '17\n');
		const e = await startEmbeddedPostgres({ dataDir: old, log: recordingLog().log }).catch(
			(x) => x
		);
		expect(e).toBeInstanceOf(EmbeddedPostgresError);
		expect(e.message).toMatch(/written by PostgreSQL 17; this Trellis ships PostgreSQL 18/);
		// The lock is released after a failed start.
		await expect(
			startEmbeddedPostgres({ dataDir: old, log: recordingLog().log })
		).rejects.toBeInstanceOf(EmbeddedPostgresError);

		expect(
			explainFailure('FATAL: could not write to file "pg_wal/x": No space left on device', '/d')
		).toBe('No space left on the disk that holds /d. Free some space and start again.');
		expect(
			explainFailure('FATAL:  could not open file "global/pg_control": Permission denied', '/d')
		).toMatch(/cannot write to \/d \(permission denied\)/);
	});

	it('knows which directories another user can enter', () => {
		const dir = tempDir();
		chmodSync(dir, 0o755);
		const locked = join(dir, 'locked');
		mkdirSync(join(locked, 'inner'), { recursive: true, mode: 0o700 });
		const stranger = { uid: 65530, gid: 65530 };
		expect(reachableBy(join(locked, 'inner'), stranger)).toBe(false);
		expect(reachableBy(locked, stranger)).toBe(false);
		expect(reachableBy(dir, stranger)).toBe(reachableBy(tmpdir(), stranger));
		expect(reachableBy(tmpdir(), stranger)).toBe(true);
	});
});

const parentOf = (pid: number) =>
	Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
function childrenOf(ppid: number): number[] {
	const out: number[] = [];
	for (const d of readdirSync('/proc')) {
		if (!/^\d+$/.test(d)) continue;
		try {
			if (parentOf(Number(d)) === ppid) out.push(Number(d));
		} catch {
			/* gone */
		}
	}
	return out;
}

async function startAndWrite(dir: string, _pid: number) {
	const { readFileSync: read } = await import('node:fs');
	const lines = read(join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n');
	const url = `postgres://postgres@localhost:${lines[3]}/postgres?host=${encodeURIComponent(lines[4])}`;
	const sql = await connect(url, { max: 1 });
	await sql`create table kept (v int)`;
	await sql`insert into kept values (1), (2), (3)`;
	const rows = await sql`select v from kept`;
	await sql.end();
	return rows.map((r) => ({ ...r }));
}
