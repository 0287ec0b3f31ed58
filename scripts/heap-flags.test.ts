import { describe, expect, it } from 'vitest';
import { HEAP_FLAGS, missingHeapFlags } from './heap-flags.js';

describe(missingHeapFlags.name, () => {
	it('adds every heap flag to a plain start', () => {
		expect(missingHeapFlags([], '')).toEqual(HEAP_FLAGS);
		expect(missingHeapFlags(['--cpu-prof'], '--enable-source-maps')).toEqual(HEAP_FLAGS);
	});

	it("never overrides the operator's own: a flag on the command line or in NODE_OPTIONS stays as given", () => {
		expect(missingHeapFlags(['--max-semi-space-size=0'], '')).toEqual([
			'--heap-growing-percent=50'
		]);
		expect(missingHeapFlags([], '--max-old-space-size=512 --max-semi-space-size=32')).toEqual([
			'--heap-growing-percent=50'
		]);
		expect(
			missingHeapFlags(['--heap-growing-percent=0', '--max-semi-space-size=0'], undefined)
		).toEqual([]);
	});

	it('is not fooled by a longer flag that starts the same way', () => {
		expect(missingHeapFlags(['--max-semi-space-size-other=1'], '')).toEqual(HEAP_FLAGS);
	});
});
