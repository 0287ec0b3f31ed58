import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../db/client.ts';
import { createTestDb } from '../testing/test-db.ts';
import { startJobs, type Jobs, type JobsOptions } from './queue.ts';

const cleanups: (() => Promise<void>)[] = [];
/** One database for the tests that need nothing of their own; each uses its own queue names. */
let shared: DbHandle;

beforeAll(async () => {
	shared = await createTestDb();
});
afterEach(async () => {
	// Queues stop before their databases close, newest first.
	for (const c of cleanups.reverse()) await c();
	cleanups.length = 0;
});
afterAll(async () => {
	await shared?.close();
});

async function testDb(): Promise<DbHandle> {
	const h = await createTestDb();
	cleanups.push(() => h.close());
	return h;
}

async function jobsOn<Q extends string>(
	h: DbHandle,
	queues: JobsOptions<Q>['queues']
): Promise<Jobs<Q>> {
	const jobs = await startJobs(h, {
		queues,
		pollingIntervalSeconds: 0.5
	});
	cleanups.push(() => jobs.stop());
	return jobs;
}

async function rows<T>(h: DbHandle, query: ReturnType<typeof sql>): Promise<T[]> {
	const r = await h.db.execute(query);
	return (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as T[];
}

async function jobState(h: DbHandle, id: string) {
	const [row] = await rows<{ state: string }>(
		h,
		sql`select state from pgboss.job where id = ${id}`
	);
	return row?.state;
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
	const until = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
		await sleep(50);
	}
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withDeadline<T>(p: Promise<T>, ms = 5_000): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const deadline = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms: deadlocked?`)), ms);
	});
	try {
		return await Promise.race([p, deadline]);
	} finally {
		clearTimeout(timer);
	}
}

describe(startJobs.name, () => {
	it('works a sent job exactly once', async () => {
		const h = shared;
		const jobs = await jobsOn(h, { 'test-once': {} });
		const seen: number[] = [];
		await jobs.work<{ n: number }>('test-once', async (data) => {
			seen.push(data.n);
		});

		const id = await jobs.send('test-once', { n: 7 });
		await waitFor(async () => (await jobState(h, id!)) === 'completed');
		// A few more polling rounds, to see that nothing picks the job up again.
		await sleep(1_500);
		expect(seen).toEqual([7]);
	});

	it('works a job that was sent before a restart', async () => {
		const first = await createTestDb();
		const h = await openDb(first.url, { migrate: false, max: 2 });
		cleanups.push(() => first.close());
		const reopen = async () => {
			const again = await openDb(first.url, { migrate: false, max: 2 });
			cleanups.unshift(() => again.close());
			return again;
		};

		const before = await startJobs(h, {
			queues: { 'test-restart': {} },
			pollingIntervalSeconds: 0.5
		});
		const id = await before.send('test-restart', { n: 1 });
		await before.stop();
		await h.close();

		const h2 = await reopen();
		expect(await jobState(h2, id!)).toBe('created');
		const after = await jobsOn(h2, { 'test-restart': {} });
		const seen: string[] = [];
		await after.work('test-restart', async (_data, job) => {
			seen.push(job.id);
		});
		await waitFor(async () => (await jobState(h2, id!)) === 'completed');
		expect(seen).toEqual([id]);
	});

	it('two instances on one database work each of 50 jobs exactly once', async () => {
		const h1 = await testDb();
		const h2 = await openDb(h1.url, { migrate: false, max: 2 });
		cleanups.push(() => h2.close());
		const a = await jobsOn(h1, { 'test-two-instances': {} });
		const b = await jobsOn(h2, { 'test-two-instances': {} });
		const handled: { by: 'a' | 'b'; id: string }[] = [];
		for (const [by, jobs] of [
			['a', a],
			['b', b]
		] as const) {
			await jobs.work('test-two-instances', async (_data, job) => {
				handled.push({ by, id: job.id });
				// Slow enough that neither instance drains the queue before the other polls.
				await sleep(40);
			});
		}

		const ids = await Promise.all(
			Array.from({ length: 50 }, (_, n) => (n % 2 ? a : b).send('test-two-instances', { n }))
		);
		await waitFor(() => handled.length >= 50, 15_000);
		await sleep(1_500);

		expect(handled).toHaveLength(50);
		expect(new Set(handled.map((x) => x.id))).toEqual(new Set(ids));
		expect(handled.some((x) => x.by === 'a')).toBe(true);
		expect(handled.some((x) => x.by === 'b')).toBe(true);
		const states = await rows<{ state: string; n: number }>(
			h1,
			sql`select state, count(*)::int as n from pgboss.job where name = 'test-two-instances' group by state`
		);
		expect(states).toEqual([{ state: 'completed', n: 50 }]);
	});

	it('retries a failing handler until it succeeds', async () => {
		const h = shared;
		const jobs = await jobsOn(h, {
			'test-retry': { retryLimit: 2, retryDelay: 0, retryBackoff: false }
		});
		const attempts: number[] = [];
		await jobs.work('test-retry', async (_data, job) => {
			attempts.push(job.retryCount);
			if (job.retryCount < 2) throw new Error('SMTP server unavailable');
		});

		const id = await jobs.send('test-retry', {});
		await waitFor(async () => (await jobState(h, id!)) === 'completed');
		expect(attempts).toEqual([0, 1, 2]);
	});

	it('fails a job for good once its retries are used up', async () => {
		const h = shared;
		const jobs = await jobsOn(h, {
			'test-give-up': { retryLimit: 5, retryDelay: 0, retryBackoff: false }
		});
		const attempts: number[] = [];
		await jobs.work('test-give-up', async (_data, job) => {
			attempts.push(job.retryCount);
			throw new Error('always broken');
		});

		const id = await jobs.send('test-give-up', {}, { retryLimit: 1 });
		await waitFor(async () => (await jobState(h, id!)) === 'failed');
		await sleep(1_000);
		expect(attempts).toEqual([0, 1]);
	});

	it('refuses a second job with the same singletonKey on an exclusive queue', async () => {
		const h = shared;
		const jobs = await jobsOn(h, { 'test-exclusive': { policy: 'exclusive' } });

		expect(await jobs.send('test-exclusive', {}, { singletonKey: 'reminder:1' })).toBeTruthy();
		expect(await jobs.send('test-exclusive', {}, { singletonKey: 'reminder:1' })).toBeNull();
		expect(await jobs.send('test-exclusive', {}, { singletonKey: 'reminder:2' })).toBeTruthy();
	});

	it('enqueues inside an app transaction, which decides whether the job exists', async () => {
		const h = shared;
		const jobs = await jobsOn(h, { 'test-tx': {} });
		const count = async () =>
			(
				await rows<{ n: number }>(
					h,
					sql`select count(*)::int as n from pgboss.job where name = 'test-tx'`
				)
			)[0].n;

		await expect(
			withDeadline(
				h.db.transaction(async (tx) => {
					await jobs.send('test-tx', { n: 1 }, { tx });
					throw new Error('roll back');
				})
			)
		).rejects.toThrow('roll back');
		expect(await count()).toBe(0);

		await withDeadline(
			h.db.transaction(async (tx) => {
				await jobs.send('test-tx', { n: 2 }, { tx });
			})
		);
		expect(await count()).toBe(1);
	});

	it('stores a cron schedule once, and unschedule removes it', async () => {
		const h = shared;
		const jobs = await jobsOn(h, { 'test-sweep': {} });
		const schedules = () =>
			rows<{ name: string; cron: string }>(
				h,
				sql`select name, cron from pgboss.schedule where name = 'test-sweep'`
			);

		await jobs.schedule('test-sweep', '* * * * *');
		await jobs.schedule('test-sweep', '* * * * *');
		expect(await schedules()).toEqual([{ name: 'test-sweep', cron: '* * * * *' }]);

		await jobs.unschedule('test-sweep');
		expect(await schedules()).toEqual([]);
	});

	it('lets a running handler finish when stopped', async () => {
		const h = shared;
		const jobs = await jobsOn(h, { 'test-stop': {} });
		let started = false;
		let finished = false;
		await jobs.work('test-stop', async () => {
			started = true;
			await sleep(700);
			finished = true;
		});

		const id = await jobs.send('test-stop', {});
		await waitFor(() => started);
		await jobs.stop();
		expect(finished).toBe(true);
		expect(await jobState(h, id!)).toBe('completed');
	});

	it('rejects a queue that was not declared', async () => {
		const h = shared;
		const jobs = (await jobsOn(h, { 'test-known': {} })) as Jobs<string>;
		await expect(jobs.send('test-unknown', {})).rejects.toThrow('not declared');
	});
});
