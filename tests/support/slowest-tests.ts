// Where the browser suite's minutes go: reads a Playwright JSON report (reports/playwright.json
// by default) and prints the slowest tests and the total per spec file, so that work on the
// suite's speed starts from a measurement. `node tests/support/slowest-tests.ts [report] [n]`
import { readFileSync } from 'node:fs';

type Result = { duration: number; status: string; workerIndex?: number };
type Spec = { title: string; file: string; line: number; tests: { results: Result[] }[] };
type Suite = { title: string; file: string; specs?: Spec[]; suites?: Suite[] };

const file = process.argv[2] ?? 'reports/playwright.json';
const n = Number(process.argv[3] ?? 30);
const report = JSON.parse(readFileSync(file, 'utf8')) as {
	suites: Suite[];
	stats: { duration: number };
};

const rows: { title: string; file: string; ms: number }[] = [];
const walk = (s: Suite, prefix: string[]) => {
	for (const spec of s.specs ?? []) {
		const ms = spec.tests.flatMap((t) => t.results).reduce((a, r) => a + r.duration, 0);
		rows.push({
			title: [...prefix, spec.title].join(' › '),
			file: `${spec.file}:${spec.line}`,
			ms
		});
	}
	for (const child of s.suites ?? []) {
		walk(child, child.file === child.title ? [] : [...prefix, child.title]);
	}
};
for (const s of report.suites) walk(s, []);

const min = (ms: number) => `${(ms / 60_000).toFixed(2)} min`;
const total = rows.reduce((a, r) => a + r.ms, 0);
console.log(
	`${rows.length} tests, ${min(total)} of test time, ${min(report.stats.duration)} wall\n`
);
console.log(`The ${n} slowest tests:`);
for (const r of [...rows].sort((a, b) => b.ms - a.ms).slice(0, n)) {
	console.log(`${(r.ms / 1000).toFixed(1).padStart(7)} s  ${r.file}  ${r.title.slice(0, 90)}`);
}
const perFile = new Map<string, number>();
for (const r of rows) {
	const f = r.file.replace(/:\d+$/, '');
	perFile.set(f, (perFile.get(f) ?? 0) + r.ms);
}
console.log('\nPer file:');
for (const [f, ms] of [...perFile].sort((a, b) => b[1] - a[1])) {
	console.log(`${(ms / 1000).toFixed(1).padStart(7)} s  ${f}`);
}
