import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The files of a course package, parsed but not yet validated. */
export type RawPackage = {
	course: unknown;
	courseText: Record<string, unknown>;
	/** sha256 (first 12 hex) of each source-locale file, keyed by "course" or the session folder. */
	sourceHashes: Record<string, string>;
	sessions: {
		folder: string;
		structure: unknown;
		text: Record<string, unknown>;
		/** SVG templates of the session's visuals/ folder, keyed by file name without .svg. */
		visuals: Record<string, string>;
	}[];
	terms: Record<string, string[]>;
	/** glossary.yaml of the course, when it has one. */
	glossary?: unknown;
	/** evaluation/questionnaire.yaml and its text per language, when the course has one. */
	evaluation?: { structure: unknown; text: Record<string, unknown> };
	/** Problems met while reading (missing files, YAML syntax). */
	readErrors: string[];
};

export const CONTENT_ROOT = 'content';

function hash(text: string) {
	return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

export function loadCoursePackage(slug: string, root = CONTENT_ROOT): RawPackage {
	const dir = join(root, 'courses', slug);
	const readErrors: string[] = [];
	const sourceHashes: Record<string, string> = {};
	const read = (path: string, hashKey?: string): unknown => {
		if (!existsSync(path)) {
			readErrors.push(`missing file ${path}`);
			return undefined;
		}
		const raw = readFileSync(path, 'utf8');
		if (hashKey) sourceHashes[hashKey] = hash(raw);
		try {
			return parse(raw);
		} catch (e) {
			readErrors.push(`${path}: ${(e as Error).message.split('\n')[0]}`);
			return undefined;
		}
	};
	const course = read(join(dir, 'course.yaml')) as
		{ sourceLocale?: string; locales?: string[]; sessions?: string[] } | undefined;
	const source = course?.sourceLocale ?? 'en';
	const locales = course?.locales ?? [source];
	const courseText: Record<string, unknown> = {};
	for (const l of locales) {
		courseText[l] = read(join(dir, `course.${l}.yaml`), l === source ? 'course' : undefined);
	}
	const sessions = (course?.sessions ?? []).map((folder) => {
		const sdir = join(dir, 'sessions', folder);
		const text: Record<string, unknown> = {};
		for (const l of locales) {
			text[l] = read(join(sdir, `${l}.yaml`), l === source ? folder : undefined);
		}
		const visuals: Record<string, string> = {};
		const vdir = join(sdir, 'visuals');
		if (existsSync(vdir)) {
			for (const f of readdirSync(vdir).sort()) {
				if (f.endsWith('.svg')) visuals[f.slice(0, -4)] = readFileSync(join(vdir, f), 'utf8');
			}
		}
		return { folder, structure: read(join(sdir, 'session.yaml')), text, visuals };
	});
	const terms = (read(join(root, 'stigmatising-terms.yaml')) ?? {}) as Record<string, string[]>;
	const glossaryPath = join(dir, 'glossary.yaml');
	const glossary = existsSync(glossaryPath) ? read(glossaryPath) : undefined;
	const evalDir = join(dir, 'evaluation');
	const evaluation = existsSync(join(evalDir, 'questionnaire.yaml'))
		? {
				structure: read(join(evalDir, 'questionnaire.yaml')),
				text: Object.fromEntries(locales.map((l) => [l, read(join(evalDir, `${l}.yaml`))]))
			}
		: undefined;
	return { course, courseText, sourceHashes, sessions, terms, glossary, evaluation, readErrors };
}

/** sha256 of every file of the package (paths and bytes) and of the term list, without parsing. */
export function fingerprintCoursePackage(slug: string, root = CONTENT_ROOT): string {
	const h = createHash('sha256');
	const dir = join(root, 'courses', slug);
	const files = [
		...readdirSync(dir, { recursive: true, withFileTypes: true })
			.filter((e) => e.isFile())
			.map((e) => join(e.parentPath, e.name)),
		join(root, 'stigmatising-terms.yaml')
	].sort();
	for (const f of files) {
		h.update(`${f}\0`);
		h.update(existsSync(f) ? readFileSync(f) : Buffer.alloc(0));
		h.update('\0');
	}
	return h.digest('hex');
}
