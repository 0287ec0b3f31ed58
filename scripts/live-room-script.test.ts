import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildLiveRoomScript } from './live-room-script.ts';

describe(buildLiveRoomScript.name, () => {
	it('builds one small classic script with no imports, well under the page budget', async () => {
		const js = await buildLiveRoomScript();
		// A plain script loaded with `defer`: module syntax would not run there.
		expect(js).toMatch(/^\(function\(\)\{/);
		expect(js).not.toMatch(/\bimport\s*[({'"`]|\bexport\s/);
		// The live page's budget is 35 KB of JavaScript; the script stays a fraction of it
		// (about 3 KB compressed), so it stays cheap on a phone.
		expect(gzipSync(js).length).toBeLessThan(6 * 1024);
		// It follows the participant's kinds from the contract (facilitators' kinds are filtered
		// at run time) and knows the page's elements by the ids the page renders.
		expect(js).toContain('moment-ack');
		expect(js).toContain('live-panel');
	});
});
