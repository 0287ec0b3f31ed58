import { browserTimers, createBackoff, type Timers } from './backoff.ts';

/* Long enough to gather a burst (a dozen answers revealed at once), short enough to feel live. */
const GATHER_MS = 150;

/**
 * Turns many "there is news" calls into few refreshes, for both live clients: calls within
 * 150 ms become one `refresh()`; calls while one runs make exactly one more after it (the
 * news may have missed the page being fetched). A refresh that fails is retried by one timer,
 * further apart each time, until it works; `retryNow` skips the wait (the line is back).
 * A refresh that resolves 'stop' ends it all (the page is being replaced).
 */
export function coalesceRefreshes(
	refresh: () => Promise<void | 'stop'>,
	opts: { onFailure?: () => void; timers?: Timers } = {}
) {
	const timers = opts.timers ?? browserTimers;
	const backoff = createBackoff(timers.random);
	let gathering = false;
	let running = false;
	let again = false;
	let retry: unknown;
	let stopped = false;

	function run() {
		gathering = false;
		refresh().then(
			(outcome) => {
				if (outcome === 'stop') {
					stopped = true;
					return;
				}
				backoff.reset();
				running = false;
				if (again) {
					again = false;
					request();
				}
			},
			() => {
				running = false;
				again = false;
				opts.onFailure?.();
				retry = timers.setTimeout(() => {
					retry = undefined;
					request();
				}, backoff.next());
			}
		);
	}

	function request() {
		if (stopped || gathering) return;
		if (running || retry !== undefined) {
			again = true;
			return;
		}
		running = true;
		gathering = true;
		timers.setTimeout(run, GATHER_MS);
	}

	return {
		request,
		retryNow() {
			if (retry !== undefined) {
				timers.clearTimeout(retry);
				retry = undefined;
			}
			request();
		},
		stop() {
			stopped = true;
			if (retry !== undefined) timers.clearTimeout(retry);
		}
	};
}
