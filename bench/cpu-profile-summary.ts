// Summarises a V8 CPU profile (`node --cpu-prof`, e.g. BENCH_SERVER_NODE_OPTIONS=--cpu-prof
// with `npm run bench:live`): self time by function and by where the code comes from (our
// source, a package, Node itself), so a note can say where the milliseconds went.
//   node bench/cpu-profile-summary.ts path/to/file.cpuprofile [top=25]
import { readFileSync } from 'node:fs';

type Node = {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: node bench/cpu-profile-summary.ts FILE.cpuprofile [top]');
const top = Number(topArg ?? 25);
const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

function origin(url: string) {
	if (!url) return '(native / V8)';
	if (url.startsWith('node:')) return 'node core';
	const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
	if (pkg) return pkg[1];
	const built = /\/build\/server\/(.*)$/.exec(url);
	if (built) return `build/server/${built[1]}`;
	return url.replace(/^file:\/\//, '');
}

const fns = new Map<string, number>();
const origins = new Map<string, number>();
for (const [id, us] of self) {
	const n = byId.get(id)!;
	const f = n.callFrame;
	const name = `${f.functionName || '(anonymous)'} ${origin(f.url)}${f.url ? `:${f.lineNumber + 1}` : ''}`;
	fns.set(name, (fns.get(name) ?? 0) + us);
	const o = ['(idle)', '(garbage collector)', '(program)'].includes(f.functionName)
		? f.functionName
		: origin(f.url);
	origins.set(o, (origins.get(o) ?? 0) + us);
}
const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
console.log(`profile: ${(total / 1e6).toFixed(1)} s sampled`);
console.log('\nby origin (self time):');
for (const [o, us] of [...origins].sort((a, b) => b[1] - a[1]).slice(0, top)) {
	console.log(`${pct(us)}  ${o}`);
}
console.log('\nby function (self time):');
for (const [f, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top)) {
	console.log(`${pct(us)}  ${f}`);
}
