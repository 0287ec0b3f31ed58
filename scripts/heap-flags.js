/*
 * V8 sizes its heap for the machine it finds: on a server with 24 GB it let the young
 * generation grow to 64 MB per semi-space and the old generation to about four times the live
 * data before collecting, so the live bench's 1,800 streams took 550 MB for under 100 MB of
 * live objects (issue #13). These flags keep the heap near what is live (ADR 035).
 */
export const HEAP_FLAGS = ['--max-semi-space-size=8', '--heap-growing-percent=50'];

/**
 * The heap flags the operator has not given, on the command line or in NODE_OPTIONS.
 * @param {string[]} execArgv
 * @param {string | undefined} nodeOptions
 */
export function missingHeapFlags(execArgv, nodeOptions = '') {
	const given = [...execArgv, ...nodeOptions.split(/\s+/)].map((a) => a.split('=')[0]);
	return HEAP_FLAGS.filter((f) => !given.includes(f.split('=')[0]));
}
