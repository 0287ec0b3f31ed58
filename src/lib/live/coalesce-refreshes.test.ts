import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browserTimers } from './backoff.ts';
import { coalesceRefreshes } from './coalesce-refreshes.ts';

const timers = { ...browserTimers, random: () => 0 };

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

/** A refresh the test finishes by hand, recording when each one started. */
function controlledRefresh() {
	const started: number[] = [];
	const finish: ((ok: boolean) => void)[] = [];
	const refresh = () =>
		new Promise<void>((resolve, reject) => {
			started.push(Date.now());
			finish.push((ok) => (ok ? resolve() : reject(new Error('offline'))));
		});
	return { refresh, started, finish };
}

describe(coalesceRefreshes.name, () => {
	it('turns a burst of news into one refresh', async () => {
		const r = controlledRefresh();
		const c = coalesceRefreshes(r.refresh, { timers });
		for (let i = 0; i < 12; i++) c.request();
		await vi.advanceTimersByTimeAsync(149);
		expect(r.started).toHaveLength(0);
		await vi.advanceTimersByTimeAsync(1);
		expect(r.started).toHaveLength(1);
		r.finish[0](true);
		await vi.advanceTimersByTimeAsync(1000);
		expect(r.started).toHaveLength(1);
	});

	it('news during a refresh makes exactly one more after it, never two at once', async () => {
		const r = controlledRefresh();
		const c = coalesceRefreshes(r.refresh, { timers });
		c.request();
		await vi.advanceTimersByTimeAsync(150);
		c.request();
		c.request();
		await vi.advanceTimersByTimeAsync(1000);
		expect(r.started).toHaveLength(1);
		r.finish[0](true);
		await vi.advanceTimersByTimeAsync(150);
		expect(r.started).toHaveLength(2);
		r.finish[1](true);
		await vi.advanceTimersByTimeAsync(1000);
		expect(r.started).toHaveLength(2);
	});

	it('a failed refresh is retried further apart each time; back online retries at once', async () => {
		const r = controlledRefresh();
		const failures: number[] = [];
		const c = coalesceRefreshes(r.refresh, { timers, onFailure: () => failures.push(Date.now()) });
		c.request();
		await vi.advanceTimersByTimeAsync(150);
		r.finish[0](false);
		await vi.advanceTimersByTimeAsync(0);
		expect(failures).toHaveLength(1);
		// News while waiting to retry does not start a refresh of its own.
		c.request();
		await vi.advanceTimersByTimeAsync(1999);
		expect(r.started).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(1 + 150);
		expect(r.started).toHaveLength(2);
		r.finish[1](false);
		await vi.advanceTimersByTimeAsync(3999);
		expect(r.started).toHaveLength(2);
		await vi.advanceTimersByTimeAsync(1 + 150);
		expect(r.started).toHaveLength(3);
		r.finish[2](false);
		await vi.advanceTimersByTimeAsync(100);
		c.retryNow();
		await vi.advanceTimersByTimeAsync(150);
		expect(r.started).toHaveLength(4);
		// Success resets the waits.
		r.finish[3](true);
		await vi.advanceTimersByTimeAsync(0);
		c.request();
		await vi.advanceTimersByTimeAsync(150);
		r.finish[4](false);
		await vi.advanceTimersByTimeAsync(2000 + 150);
		expect(r.started).toHaveLength(6);
	});

	it("a refresh that answers 'stop' (the page is being replaced) ends all refreshing", async () => {
		let n = 0;
		const c = coalesceRefreshes(async () => (++n === 1 ? 'stop' : undefined), { timers });
		c.request();
		await vi.advanceTimersByTimeAsync(150);
		c.request();
		await vi.advanceTimersByTimeAsync(10_000);
		expect(n).toBe(1);
	});
});
