/*
 * The course's visuals (CHIME, the two continua, a community map, the core acts, the six
 * steps) are SVG templates in the package (sessions/<folder>/visuals/<id>.svg) whose words
 * live in the session's locale file (`visuals.<id>`), so they translate like every other text.
 * They are rendered here, on the server, into inline SVG: no script, no fonts to download, and
 * the same drawing on the session page, in the guide, on the projector and in print (ADR 024).
 */

export type VisualText = { title: string; description: string; labels: Record<string, string> };

const PLACEHOLDER = /\{\{([a-z0-9]+(?:-[a-z0-9]+)*)\}\}/g;

/** The label keys a template asks for, in order of first appearance. */
export function visualPlaceholders(template: string): string[] {
	return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/*
 * Templates are reviewed like code, but they end up inline in pages under our CSP: anything
 * that could run, load or link elsewhere is refused by course:check rather than trusted.
 */
const FORBIDDEN: [RegExp, string][] = [
	[/<script/i, 'a <script> element'],
	[/<foreignObject/i, 'a <foreignObject> element'],
	[/<style/i, 'a <style> element (use presentation attributes)'],
	[/\son[a-z]+\s*=/i, 'an event handler attribute'],
	[/href\s*=\s*"(?!#)/i, 'a link outside the drawing (only href="#id" is allowed)'],
	[/<image/i, 'an <image> element'],
	[/url\((?!#)/i, 'a url() outside the drawing']
];

/** What is wrong with a template: not an <svg> with a viewBox, or something unsafe in it. */
export function checkVisualTemplate(template: string): string[] {
	const errors: string[] = [];
	if (!/^\s*<svg[^>]*\sviewBox="[^"]+"/.test(template)) {
		errors.push('must start with an <svg> element that has a viewBox');
	}
	for (const [re, what] of FORBIDDEN) if (re.test(template)) errors.push(`contains ${what}`);
	if (visualPlaceholders(template).length === 0) {
		errors.push('has no {{label}} placeholders, so its words cannot be translated');
	}
	return errors;
}

export function escapeXml(s: string): string {
	return s
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** Greedy line breaking at spaces; a word longer than the width gets a line of its own. */
export function wrapWords(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}

/**
 * The template with its words filled in. A `<text … data-wrap="N">{{key}}</text>` becomes
 * lines of at most N characters, centred on the text's own position (Ukrainian and Czech
 * words are longer than English ones, so the drawing leaves room for more lines); any other
 * `{{key}}` is replaced as it stands. The SVG is labelled by its title and description
 * (`role="img"`, named by the title and described by the description), and `idPrefix` keeps its ids unique when a page shows several visuals.
 */
export function renderVisual(template: string, text: VisualText, idPrefix: string): string {
	const label = (key: string) => text.labels[key] ?? key;
	let svg = template.replace(
		/<text([^>]*?)\sdata-wrap="(\d+)"([^>]*)>\{\{([a-z0-9-]+)\}\}<\/text>/g,
		(_all, before: string, width: string, after: string, key: string) => {
			const attrs = `${before}${after}`;
			const x = /\sx="([^"]+)"/.exec(attrs)?.[1] ?? '0';
			// Explicit line breaks in a label ("\n") are kept; each line is then wrapped.
			const lines = label(key)
				.split('\n')
				.flatMap((l) => wrapWords(l, Number(width)));
			const tspans = lines
				.map((l, i) => {
					const dy = i === 0 ? `${(-(lines.length - 1) * 0.6).toFixed(1)}em` : '1.2em';
					return `<tspan x="${x}" dy="${dy}">${escapeXml(l)}</tspan>`;
				})
				.join('');
			return `<text${attrs}>${tspans}</text>`;
		}
	);
	svg = svg.replace(PLACEHOLDER, (_all, key: string) => escapeXml(label(key)));
	// Local ids (markers, paths) get the prefix so two drawings on one page never collide.
	svg = svg
		.replace(/\sid="([^"]+)"/g, ` id="${idPrefix}-$1"`)
		.replace(/url\(#([^)]+)\)/g, `url(#${idPrefix}-$1)`)
		.replace(/href="#([^"]+)"/g, `href="#${idPrefix}-$1"`);
	const titleId = `${idPrefix}-title`;
	const descId = `${idPrefix}-desc`;
	return svg.replace(
		/^\s*<svg([^>]*)>/,
		`<svg$1 role="img" aria-labelledby="${titleId}" aria-describedby="${descId}" width="100%"><title id="${titleId}">${escapeXml(text.title)}</title><desc id="${descId}">${escapeXml(text.description)}</desc>`
	);
}

/** A visual ready for a page: its words and the drawing, or nothing when a text is missing. */
export type RenderedVisual = { id: string; title: string; description: string; svg: string };

export function visualFor(
	session: { visuals?: Record<string, string> },
	texts: Record<string, VisualText> | undefined,
	id: string | undefined,
	idPrefix = 'visual'
): RenderedVisual | null {
	const template = id ? session.visuals?.[id] : undefined;
	const t = id ? texts?.[id] : undefined;
	if (!id || !template || !t) return null;
	return {
		id,
		title: t.title,
		description: t.description,
		svg: renderVisual(template, t, `${idPrefix}-${id}`)
	};
}
