// Fails on a missing or extra message key, or on placeholders that differ between locales.
// Run as `node scripts/check-i18n.ts`; the logic is exported for its unit test.
import { readFileSync, readdirSync } from 'node:fs';

export type Catalog = Record<string, string>;

export function placeholders(text: string): string[] {
	return [...text.matchAll(/\{\s*([a-zA-Z0-9_]+)\s*\}/g)].map((m) => m[1]).sort();
}

export function checkCatalogs(base: Catalog, others: Record<string, Catalog>): string[] {
	const problems: string[] = [];
	const baseKeys = Object.keys(base).filter((k) => k !== '$schema');
	for (const [locale, cat] of Object.entries(others)) {
		const keys = new Set(Object.keys(cat).filter((k) => k !== '$schema'));
		for (const k of baseKeys) {
			if (!keys.has(k)) {
				problems.push(`${locale}: missing key "${k}"`);
				continue;
			}
			if (typeof cat[k] !== 'string' || cat[k].trim() === '') {
				problems.push(`${locale}: empty message "${k}"`);
				continue;
			}
			const a = placeholders(base[k]).join(',');
			const b = placeholders(cat[k]).join(',');
			if (a !== b) {
				problems.push(`${locale}: "${k}" has placeholders {${b}} but English has {${a}}`);
			}
		}
		for (const k of keys) if (!(k in base)) problems.push(`${locale}: unknown key "${k}"`);
	}
	return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8'));
	const read = (l: string): Catalog => JSON.parse(readFileSync(`messages/${l}.json`, 'utf8'));
	const files = readdirSync('messages').filter((f) => f.endsWith('.json'));
	const problems: string[] = [];
	for (const l of settings.locales as string[]) {
		if (!files.includes(`${l}.json`)) problems.push(`missing catalogue messages/${l}.json`);
	}
	const base = read(settings.baseLocale);
	const others = Object.fromEntries(
		(settings.locales as string[])
			.filter((l) => l !== settings.baseLocale && files.includes(`${l}.json`))
			.map((l) => [l, read(l)])
	);
	problems.push(...checkCatalogs(base, others));
	if (problems.length) {
		console.error(`i18n check failed:\n  ${problems.join('\n  ')}`);
		process.exit(1);
	}
	console.log(
		`i18n: ${Object.keys(base).length - 1} keys, complete in ${settings.locales.join(', ')}`
	);
}
