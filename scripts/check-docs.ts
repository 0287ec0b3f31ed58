// `npm run docs:check` (part of `npm run validate`): the docs cannot drift from the tree.
// Every ADR file is in the index, and every folder under src/lib/server is described in
// ARCHITECTURE.md (as `src/lib/server/<folder>/`).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const problems: string[] = [];
const index = readFileSync('docs/decisions/README.md', 'utf8');
for (const f of readdirSync('docs/decisions')) {
	if (!/^\d{3}-.*\.md$/.test(f) || f.startsWith('000-')) continue;
	if (!index.includes(`(${f})`)) problems.push(`docs/decisions/README.md does not list ${f}`);
}
const architecture = readFileSync('ARCHITECTURE.md', 'utf8');
for (const d of readdirSync('src/lib/server')) {
	if (!statSync(join('src/lib/server', d)).isDirectory()) continue;
	if (!architecture.includes(`src/lib/server/${d}/`)) {
		problems.push(`ARCHITECTURE.md does not describe src/lib/server/${d}/`);
	}
}
if (problems.length) {
	console.error(`docs:check found ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
	process.exit(1);
}
console.log('docs:check: the ADR index and ARCHITECTURE.md cover the tree');
