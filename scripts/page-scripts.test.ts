import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildPageScript, PAGE_SCRIPTS, type PageScript } from './page-scripts.ts';

describe(buildPageScript.name, () => {
	it.each(Object.keys(PAGE_SCRIPTS) as PageScript[])(
		'builds %s into one small classic script with no imports',
		async (name) => {
			const js = await buildPageScript(name);
			// A plain script loaded with `defer`: module syntax would not run there.
			expect(js).toMatch(/^\(function\(\)\{/);
			expect(js).not.toMatch(/\bimport\s*[({'"`]|\bexport\s/);
			// The budget for a page is 35 KB of JavaScript; each script stays a fraction of it.
			expect(gzipSync(js).length).toBeLessThan(6 * 1024);
		}
	);

	it('the live room follows the participant kinds by the ids the page renders', async () => {
		const js = await buildPageScript('live-room');
		expect(js).toContain('moment-ack');
		expect(js).toContain('live-panel');
	});

	it('the facilitators’ screens follow every kind, facilitators’ signals included', async () => {
		const js = await buildPageScript('live-screen');
		expect(js).toContain('live-screen');
		expect(js).toMatch(/\banswered:/);
		expect(js).toMatch(/\bmoment:/);
	});
});
