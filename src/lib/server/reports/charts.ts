import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

/*
 * Chart geometry computed on the server with d3-scale and d3-shape as plain functions: the
 * page receives numbers and path strings and draws an <svg>; no chart library reaches the
 * browser. Every chart also comes with its data as a table (chart-figure.svelte).
 */

export type Bar = {
	label: string;
	/* null: not shown (too few answers). */
	value: number | null;
	text: string;
};

export type BarChart = {
	kind: 'bar';
	width: number;
	height: number;
	max: number;
	ticks: { y: number; text: string }[];
	bars: (Bar & { x: number; y: number; w: number; h: number; cx: number })[];
	baseline: number;
	left: number;
	right: number;
};

/* Drawn at 360 units wide: on a 375 px phone the 14-unit text stays about 10 px tall. */
const W = 360;
const H = 220;
const M = { top: 16, right: 8, bottom: 34, left: 34 };

export function barChart(bars: Bar[], max?: number): BarChart {
	const top = max ?? Math.max(1, ...bars.map((b) => b.value ?? 0));
	const x = scaleBand<string>()
		.domain(bars.map((_, i) => String(i)))
		.range([M.left, W - M.right])
		.padding(0.3);
	const y = scaleLinear()
		.domain([0, top])
		.nice()
		.range([H - M.bottom, M.top]);
	return {
		kind: 'bar',
		width: W,
		height: H,
		max: y.domain()[1],
		ticks: y.ticks(4).map((t) => ({ y: y(t), text: String(t) })),
		bars: bars.map((b, i) => {
			const bx = x(String(i)) ?? 0;
			const v = b.value ?? 0;
			return {
				...b,
				x: bx,
				w: x.bandwidth(),
				cx: bx + x.bandwidth() / 2,
				y: y(v),
				h: y(0) - y(v)
			};
		}),
		baseline: y(0),
		left: M.left,
		right: W - M.right
	};
}

export type ChangeRow = { label: string; pre: number; post: number; text: string };

export type ChangeChart = {
	kind: 'change';
	width: number;
	height: number;
	xPre: number;
	xPost: number;
	ticks: { y: number; text: string }[];
	rows: (ChangeRow & { path: string; yPre: number; yPost: number })[];
};

/** A slope chart: each row a line from its mean before to its mean after. */
export function changeChart(rows: ChangeRow[], domain: [number, number]): ChangeChart {
	const xPre = 70;
	const xPost = W - 70;
	const y = scaleLinear()
		.domain(domain)
		.range([H - M.bottom, M.top]);
	const path = line<[number, number]>()
		.x((d) => d[0])
		.y((d) => d[1]);
	return {
		kind: 'change',
		width: W,
		height: H,
		xPre,
		xPost,
		ticks: y.ticks(4).map((t) => ({ y: y(t), text: String(t) })),
		rows: rows.map((r) => ({
			...r,
			yPre: y(r.pre),
			yPost: y(r.post),
			path:
				path([
					[xPre, y(r.pre)],
					[xPost, y(r.post)]
				]) ?? ''
		}))
	};
}
