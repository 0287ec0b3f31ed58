// `npm test`: unit and database tests (Vitest), then the browser tests (Playwright) against a
// fresh build in Debian's Chromium. Prints one closing line "N passed, N failed" summed from
// both runners' JSON reports. Without Chromium it says so loudly and skips only the browser part.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
const run = (cmd, args, env = {}) =>
	spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
const only = process.argv[2]; // "unit" | "e2e" | undefined (both)

mkdirSync('reports', { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;
let ok = true;

if (only !== 'e2e') {
	rmSync('reports/vitest.json', { force: true });
	const code = run(bin('vitest'), [
		'run',
		'--reporter=default',
		'--reporter=json',
		'--outputFile.json=reports/vitest.json'
	]);
	if (existsSync('reports/vitest.json')) {
		const r = JSON.parse(readFileSync('reports/vitest.json', 'utf8'));
		passed += r.numPassedTests;
		failed += r.numFailedTests;
		skipped += r.numPendingTests + r.numTodoTests;
	}
	// A run that failed without a failing test (a setup that crashed) still counts as one.
	if (code !== 0 && !failed) failed += 1;
	ok &&= code === 0;
}

if (only !== 'unit') {
	const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (!existsSync(chromium)) {
		const bar = '!'.repeat(78);
		console.error(
			`\n${bar}\n!! No Chromium at ${chromium}: the BROWSER TESTS WERE SKIPPED.\n!! Install it with: apt-get install chromium fonts-dejavu-core (or set CHROMIUM_PATH).\n${bar}\n`
		);
	} else {
		ok &&= run('npm', ['run', 'build', '--silent']) === 0;
		rmSync('reports/playwright.json', { force: true });
		const code = run(bin('playwright'), ['test']);
		if (existsSync('reports/playwright.json')) {
			const s = JSON.parse(readFileSync('reports/playwright.json', 'utf8')).stats;
			passed += s.expected;
			failed += s.unexpected + (s.flaky ?? 0);
			skipped += s.skipped;
			// The suite did not run (a test server could not start, a port was taken).
			if (code !== 0 && !s.unexpected) failed += 1;
		} else {
			failed += 1;
		}
		ok &&= code === 0;
	}
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok && failed === 0 ? 0 : 1);
