import { describe, expect, it } from 'vitest';
import { loadCoursePackage } from './load-course-package.ts';
import {
	checkVisualTemplate,
	renderVisual,
	visualPlaceholders,
	wrapWords
} from './course-visuals.ts';

const template = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
<defs><marker id="m"/></defs><line marker-end="url(#m)"/>
<text x="50" y="50" text-anchor="middle" data-wrap="10">{{centre}}</text>
<text x="5" y="90">{{source}}</text></svg>`;

describe('course visuals', () => {
	it('finds the labels a template asks for', () => {
		expect(visualPlaceholders(template)).toEqual(['centre', 'source']);
	});

	it('wraps long labels into lines centred on the text, escapes them and labels the drawing', () => {
		const svg = renderVisual(
			template,
			{
				title: 'CHIME <title>',
				description: 'Five circles & a centre',
				labels: { centre: 'Особистісне відновлення людини', source: 'A < B' }
			},
			'v1'
		);
		expect(svg).toContain('role="img" aria-labelledby="v1-title" aria-describedby="v1-desc"');
		expect(svg).toContain('<title id="v1-title">CHIME &lt;title&gt;</title>');
		expect(svg).toContain('<desc id="v1-desc">Five circles &amp; a centre</desc>');
		expect(svg).toContain('<tspan x="50" dy="-1.2em">Особистісне</tspan>');
		expect(svg).toContain('<tspan x="50" dy="1.2em">людини</tspan>');
		expect(svg).toContain('>A &lt; B</text>');
		// Ids are prefixed, so two drawings on one page keep their own markers.
		expect(svg).toContain('id="v1-m"');
		expect(svg).toContain('url(#v1-m)');
		expect(svg).not.toContain('data-wrap');
		expect(svg).not.toContain('{{');
	});

	it('breaks lines at spaces and gives a long word a line of its own', () => {
		expect(wrapWords('Hope and optimism about the future', 12)).toEqual([
			'Hope and',
			'optimism',
			'about the',
			'future'
		]);
		expect(wrapWords('Empowerment', 5)).toEqual(['Empowerment']);
	});

	it('refuses a template that could run or load something', () => {
		expect(checkVisualTemplate('<svg viewBox="0 0 1 1"><script>x</script>{{a}}</svg>')).toEqual([
			'contains a <script> element'
		]);
		expect(
			checkVisualTemplate('<svg viewBox="0 0 1 1"><a href="https://x">{{a}}</a></svg>')
		).toEqual(['contains a link outside the drawing (only href="#id" is allowed)']);
		expect(checkVisualTemplate('<svg viewBox="0 0 1 1" onload="x()">{{a}}</svg>')).toEqual([
			'contains an event handler attribute'
		]);
		expect(checkVisualTemplate('<svg><text>CHIME</text></svg>')).toEqual([
			'must start with an <svg> element that has a viewBox',
			'has no {{label}} placeholders, so its words cannot be translated'
		]);
	});

	it('the package has the six drawings the guides show on screen, each one safe', () => {
		const raw = loadCoursePackage('recovery-oriented-practice');
		const all = raw.sessions.flatMap((s) => Object.entries(s.visuals));
		expect(all.map(([id]) => id).sort()).toEqual([
			'chime',
			'community-map',
			'core-acts',
			'six-steps',
			'staircase',
			'two-continua'
		]);
		for (const [, t] of all) expect(checkVisualTemplate(t)).toEqual([]);
	});
});
