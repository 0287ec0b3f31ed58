/** What the live clients need of the clock; tests pass their own. */
export type Timers = {
	setTimeout: (run: () => void, ms: number) => unknown;
	clearTimeout: (id: unknown) => void;
	random: () => number;
};

export const browserTimers: Timers = {
	setTimeout: (run, ms) => setTimeout(run, ms),
	clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
	random: () => Math.random()
};

const FIRST_MS = 2000;
const MAX_MS = 30_000;
const JITTER_MS = 1000;

/**
 * Waits between tries that double from 2 s up to 30 s, each with up to a second of jitter,
 * so a room full of phones whose line came back does not knock at the same instant.
 */
export function createBackoff(random: () => number) {
	let wait = FIRST_MS;
	return {
		next() {
			const ms = wait + random() * JITTER_MS;
			wait = Math.min(wait * 2, MAX_MS);
			return ms;
		},
		reset() {
			wait = FIRST_MS;
		}
	};
}
