import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';

/*
 * Crash safety of the running app (scripts/soak-crash.ts, short runs of `npm run soak:crash`
 * and its other modes): kill -9 during live answering, kill -9 during a first start with the
 * demo seed, SIGTERM during live answering. Each run uses its own ports in 4600–4699.
 */

type Figure = { bench: string; figure: string; value: number };

async function soak(
	env: Record<string, string>,
	limitMs = 140_000
): Promise<{ code: number | null; figures: Map<string, number>; stderr: string }> {
	const child = spawn(process.execPath, ['scripts/soak-crash.ts'], {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
	child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
	// Stopped before the test's own timeout, so that it still removes its processes and data.
	const timer = setTimeout(() => child.kill('SIGTERM'), limitMs);
	const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
	clearTimeout(timer);
	const figures = new Map<string, number>();
	for (const line of stdout.split('\n')) {
		if (!line.startsWith('{')) continue;
		const f = JSON.parse(line) as Figure;
		figures.set(f.figure, f.value);
	}
	return { code, figures, stderr: stderr.slice(-4000) };
}

test('kill -9 during live answering: every acknowledged answer is stored once after the restart', async () => {
	test.setTimeout(160_000);
	const r = await soak({
		SOAK_MODE: 'crash',
		SOAK_CYCLES: '5',
		SOAK_SESSIONS: '2',
		SOAK_PORT_BASE: '4650'
	});
	expect(r.figures.get('cycles'), r.stderr).toBe(5);
	expect(r.figures.get('acknowledged'), r.stderr).toBeGreaterThan(0);
	expect(r.figures.get('lost'), r.stderr).toBe(0);
	expect(r.figures.get('duplicated'), r.stderr).toBe(0);
	expect(r.figures.get('failed_restarts'), r.stderr).toBe(0);
	expect(r.code, r.stderr).toBe(0);
});

test('kill -9 during a first start with the demo seed: the next start has the complete demo', async () => {
	test.setTimeout(160_000);
	const r = await soak({ SOAK_MODE: 'first-start', SOAK_CYCLES: '3', SOAK_PORT_BASE: '4660' });
	expect(r.figures.get('kills'), r.stderr).toBe(3);
	expect(r.figures.get('demo_incomplete'), r.stderr).toBe(0);
	expect(r.figures.get('failed_restarts'), r.stderr).toBe(0);
	expect(r.code, r.stderr).toBe(0);
});

test('SIGTERM during live answering: no 5xx, a clean exit, every acknowledged answer stored', async () => {
	test.setTimeout(160_000);
	const r = await soak({
		SOAK_MODE: 'sigterm',
		SOAK_CYCLES: '2',
		SOAK_SESSIONS: '2',
		SOAK_PORT_BASE: '4670'
	});
	expect(r.figures.get('rounds'), r.stderr).toBe(2);
	expect(r.figures.get('acknowledged'), r.stderr).toBeGreaterThan(0);
	expect(r.figures.get('server_errors'), r.stderr).toBe(0);
	expect(r.figures.get('exit_nonzero'), r.stderr).toBe(0);
	expect(r.figures.get('lost'), r.stderr).toBe(0);
	expect(r.figures.get('duplicated'), r.stderr).toBe(0);
	expect(r.code, r.stderr).toBe(0);
});
