import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { workerPort } from '../../playwright.config.ts';
import { HEAP_FLAGS } from '../../scripts/heap-flags.js';

test('/healthz reports the database kind', async ({ request }) => {
	const r = await request.get('/healthz');
	expect(r.status()).toBe(200);
	expect(await r.json()).toEqual({ status: 'ok', db: 'embedded' });
});

function start(
	dir: string,
	port: number
): { proc: ChildProcess; output: () => string; exited: Promise<number | null> } {
	let out = '';
	const proc = spawn(process.execPath, ['scripts/start.js'], {
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(port),
			DATA_DIR: dir,
			LOG_LEVEL: 'warn',
			SHUTDOWN_TIMEOUT: '3'
		}
	});
	proc.stdout?.on('data', (d) => (out += d));
	proc.stderr?.on('data', (d) => (out += d));
	const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
	return { proc, output: () => out, exited };
}

test('a second start on the same data directory exits with a clear message; the first keeps serving', async () => {
	test.setTimeout(120_000);
	const dir = mkdtempSync(join(tmpdir(), 'trellis-e2e-'));
	const first = start(dir, workerPort(4180));
	try {
		await expect.poll(() => first.output(), { timeout: 60_000 }).toContain('Trellis is running');
		expect(first.output()).toContain('admin@example.org');
		// It restarted itself with the heap flags (ADR 035) under the same process id.
		if (process.platform === 'linux') {
			const argv = readFileSync(`/proc/${first.proc.pid}/cmdline`, 'utf8').split('\0');
			expect(argv).toEqual(expect.arrayContaining(HEAP_FLAGS));
		}
		const second = start(dir, workerPort(4181));
		const code = await second.exited;
		expect(code).toBe(1);
		expect(second.output()).toContain('already in use by another Trellis process');
		const r = await fetch(`http://127.0.0.1:${workerPort(4180)}/healthz`);
		expect(r.status).toBe(200);
	} finally {
		first.proc.kill('SIGTERM');
		const code = await first.exited;
		expect(code).toBe(0);
		rmSync(dir, { recursive: true, force: true });
	}
});

test('npm run backup while the app serves, then npm run restore into a fresh directory: every table the same', async () => {
	test.setTimeout(180_000);
	const { startEmbeddedPostgres, EMBEDDED_DATABASE } =
		await import('../../src/lib/server/db/embedded-postgres.ts');
	const { connect } = await import('../../src/lib/server/db/client.ts');
	const { listTables, quoteIdent } = await import('../../src/lib/server/backup/backup.queries.ts');
	const root = mkdtempSync(join(tmpdir(), 'trellis-backup-e2e-'));
	const source = join(root, 'source');
	const restored = join(root, 'restored');
	const file = join(root, 'backup.sql.gz');
	const app = start(source, workerPort(4182));
	try {
		await expect.poll(() => app.output(), { timeout: 60_000 }).toContain('Trellis is running');
		// Pages keep being served while the backup runs.
		let serving = true;
		let served = 0;
		const traffic = (async () => {
			while (serving) {
				const r = await fetch(
					`http://127.0.0.1:${workerPort(4182)}/courses/recovery-oriented-practice`
				);
				expect(r.status).toBe(200);
				served++;
			}
		})();
		const backup = await run('scripts/backup.ts', [file], { DATA_DIR: source });
		serving = false;
		await traffic;
		expect(backup.code, backup.output).toBe(0);
		expect(backup.output).toMatch(/Backed up \d+ rows from \d+ tables/);
		expect(served).toBeGreaterThan(0);
	} finally {
		app.proc.kill('SIGTERM');
		await app.exited;
	}
	const restore = await run('scripts/restore.ts', [file], { DATA_DIR: restored });
	expect(restore.code, restore.output).toBe(0);
	// A second restore into the same, now filled directory is refused and changes nothing.
	const again = await run('scripts/restore.ts', [file], { DATA_DIR: restored });
	expect(again.code).toBe(1);
	expect(again.output).toContain('already holds data');

	const quiet = { info: () => {}, warn: () => {} };
	const dump = async (dir: string) => {
		const server = await startEmbeddedPostgres({ dataDir: dir, log: quiet });
		const sql = await connect(server.url(EMBEDDED_DATABASE), { max: 1 });
		const out: Record<string, string[]> = {};
		for (const t of await listTables(sql)) {
			const rows = await sql.unsafe<{ r: string }[]>(
				`select x::text as r from public.${quoteIdent(t.name)} x order by 1`
			);
			out[t.name] = rows.map((r) => r.r);
		}
		await sql.end();
		await server.stop();
		return out;
	};
	const a = await dump(source);
	const b = await dump(restored);
	expect(Object.keys(a).length).toBeGreaterThan(10);
	expect(a.users.length).toBeGreaterThan(5);
	expect(b).toEqual(a);
	rmSync(root, { recursive: true, force: true });
});

function run(
	script: string,
	args: string[],
	env: Record<string, string>
): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve) => {
		let output = '';
		const p = spawn(process.execPath, [script, ...args], {
			env: { ...process.env, LOG_LEVEL: 'warn', ...env }
		});
		p.stdout.on('data', (d) => (output += d));
		p.stderr.on('data', (d) => (output += d));
		p.on('exit', (code) => resolve({ code, output }));
	});
}
