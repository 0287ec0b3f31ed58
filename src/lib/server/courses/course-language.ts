import type { Glossary } from './course-package.schema.ts';

function escapeRe(s: string) {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A word or phrase of a term list as a pattern on whole words, case-insensitive. A `*` stands
 * for any letters, so one stem covers every inflected form ("narkoman*" matches "narkomani",
 * "narkomanů"); a space matches any run of white space, so a phrase is still found when a
 * Markdown paragraph breaks the line inside it.
 */
export function termPattern(entry: string): RegExp {
	const body = entry
		.trim()
		.split(/\s+/)
		.map((word) => word.split('*').map(escapeRe).join('\\p{L}*'))
		.join('\\s+');
	return new RegExp(`(^|[^\\p{L}])${body}($|[^\\p{L}])`, 'iu');
}

/** Every string of a text file by its path ("blocks.welcome.participant"), header left out. */
export function textLeaves(
	v: unknown,
	path = '',
	out = new Map<string, string>()
): Map<string, string> {
	if (typeof v === 'string') out.set(path, v);
	else if (Array.isArray(v)) v.forEach((x, i) => textLeaves(x, `${path}.${i}`, out));
	else if (v && typeof v === 'object') {
		for (const [k, x] of Object.entries(v)) {
			if (path === '' && k === 'translation') continue;
			textLeaves(x, path ? `${path}.${k}` : k, out);
		}
	}
	return out;
}

/** Errors for each stigmatising term (see content/stigmatising-terms.yaml) in a text file. */
export function checkStigmatisingTerms(where: string, terms: string[], text: unknown): string[] {
	const patterns = terms.map((term) => ({ term, re: termPattern(term) }));
	const errors: string[] = [];
	for (const [path, s] of textLeaves(text)) {
		for (const { term, re } of patterns) {
			const found = re.exec(s);
			if (found) {
				const form = found[0].replace(/^[^\p{L}]|[^\p{L}]$/gu, '');
				errors.push(
					`${where}: ${path}: stigmatising term "${form}" (${term}) — use person-first wording`
				);
			}
		}
	}
	return errors;
}

function count(haystack: string, needle: string) {
	const h = haystack.toLowerCase();
	const n = needle.toLowerCase();
	let found = 0;
	for (let i = h.indexOf(n); i !== -1; i = h.indexOf(n, i + n.length)) found++;
	return found;
}

/**
 * Compares a translated text file with its source, text by text: a claim marked unverified in
 * one language must be marked in the other; a glossary term of the source must be rendered as
 * the glossary says; a rendering the glossary rules out must not appear at all.
 */
export function checkTranslationAgainstSource(opts: {
	where: string;
	glossary: Glossary;
	sourceLocale: string;
	locale: string;
	source: unknown;
	translation: unknown;
}): string[] {
	const { where, glossary, sourceLocale, locale } = opts;
	const errors: string[] = [];
	const source = textLeaves(opts.source);
	const translation = textLeaves(opts.translation);
	const markS = glossary.unverified[sourceLocale];
	const markT = glossary.unverified[locale];
	if (!markS || !markT) {
		errors.push(`glossary.yaml: no unverified marker for ${markS ? locale : sourceLocale}`);
	}
	const terms = glossary.terms.map((t) => ({
		id: t.id,
		source: t.source.map(termPattern),
		rendering: t.renderings[locale]
	}));
	for (const t of terms) {
		if (!t.rendering) errors.push(`glossary.yaml: term "${t.id}" has no ${locale} rendering`);
	}
	for (const [path, s] of source) {
		const tr = translation.get(path);
		if (tr === undefined) continue;
		if (markS && markT && count(s, markS) !== count(tr, markT)) {
			errors.push(
				`${where}: ${path}: ${count(tr, markT)} claim(s) marked ${markT}, the source marks ${count(s, markS)} ${markS}`
			);
		}
		for (const t of terms) {
			const r = t.rendering;
			if (!r || !t.source.some((re) => re.test(s))) continue;
			if (!r.match.some((m) => termPattern(m).test(tr))) {
				errors.push(
					`${where}: ${path}: glossary term "${t.id}" is rendered otherwise — the glossary says "${r.use}"`
				);
			}
		}
	}
	for (const [path, tr] of translation) {
		for (const t of terms) {
			for (const a of t.rendering?.avoid ?? []) {
				const found = termPattern(a).exec(tr);
				if (found) {
					const form = found[0].replace(/^[^\p{L}]|[^\p{L}]$/gu, '');
					errors.push(
						`${where}: ${path}: "${form}" is not the glossary rendering of "${t.id}" — use "${t.rendering?.use}"`
					);
				}
			}
		}
	}
	return errors;
}
