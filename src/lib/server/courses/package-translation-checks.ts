import { checkStigmatisingTerms, checkTranslationAgainstSource } from './course-language.ts';
import type { Glossary } from './course-package.schema.ts';

/**
 * The language checks every text file of a package goes through, writing into the
 * validation's own lists: person-first language, the translation header, and a translation
 * that follows the glossary and marks the same claims unverified as its source. An outdated
 * translation is a warning, so authors can ship a fix in English before translators catch up.
 */
export function translationChecks(opts: {
	sourceLocale: string;
	glossary: Glossary | undefined;
	terms: Record<string, string[]>;
	errors: string[];
	warnings: string[];
}) {
	const { sourceLocale, glossary, terms, errors, warnings } = opts;
	const checkLanguage = (where: string, locale: string, value: unknown) => {
		errors.push(...checkStigmatisingTerms(where, terms[locale] ?? [], value));
	};
	const checkAgainstSource = (where: string, locale: string, source: unknown, value: unknown) => {
		if (!glossary || locale === sourceLocale || source === undefined) return;
		errors.push(
			...checkTranslationAgainstSource({
				where,
				glossary,
				sourceLocale,
				locale,
				source,
				translation: value
			})
		);
	};
	/** The translation's status from its header; the source language is the source. */
	const checkTranslation = (
		where: string,
		locale: string,
		value: unknown,
		sourceHash: string | undefined
	) => {
		if (locale === sourceLocale) return 'source' as const;
		const t = (value as { translation?: { status?: string; sourceHash?: string } } | undefined)
			?.translation;
		if (!t?.status) {
			errors.push(`${where}: a translated file needs a translation: { status, sourceHash } header`);
			return 'draft' as const;
		}
		if (sourceHash && t.sourceHash !== sourceHash) {
			warnings.push(
				`${where}: outdated translation — the English source changed since it was translated (${t.sourceHash} → ${sourceHash})`
			);
		}
		return t.status as 'draft' | 'reviewed';
	};
	return { checkLanguage, checkAgainstSource, checkTranslation };
}
