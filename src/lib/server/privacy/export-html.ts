/*
 * The readable half of a person's data export: one self-contained HTML page per area. No
 * script, no font, no image and no link leaves the ZIP, so a page opens the same offline, years
 * later, and tells nobody that it was opened. Every value is escaped here; callers pass text.
 */

export type HtmlTable = {
	caption: string;
	columns: string[];
	rows: (string | number | null)[][];
	/** Shown instead of an empty table. */
	empty: string;
};

export type HtmlSection = {
	heading: string;
	paragraphs?: string[];
	/** Links inside the ZIP: file name and text. */
	links?: { href: string; text: string }[];
	table?: HtmlTable;
	/** Smaller sections under this one (a cohort's workbook, a questionnaire). */
	sections?: HtmlSection[];
};

export type HtmlPage = {
	lang: string;
	title: string;
	/** "Back to the overview" and its target, absent on the overview itself. */
	back?: { href: string; text: string };
	intro: string[];
	sections: HtmlSection[];
	generated: string;
};

const ESC: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]);

// Contrast ≥ 4.5:1 everywhere; text wraps, tables scroll sideways on a narrow screen.
const STYLE = `
body{font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff;max-width:70rem;margin:0 auto;padding:1rem}
h1{font-size:1.75rem}h2{font-size:1.35rem;margin-top:2rem}h3{font-size:1.15rem}
a{color:#0b4f8a}
.scroll{overflow-x:auto}
table{border-collapse:collapse;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #767676;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef2f6}
td{white-space:pre-wrap;overflow-wrap:anywhere}
footer{margin-top:2rem;color:#444}
`;

function cell(v: string | number | null) {
	return v === null || v === '' ? '—' : escapeHtml(String(v));
}

function table(t: HtmlTable) {
	if (t.rows.length === 0) return `<p>${escapeHtml(t.empty)}</p>`;
	const head = t.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
	const body = t.rows
		.map((r) => `<tr>${r.map((v) => `<td>${cell(v)}</td>`).join('')}</tr>`)
		.join('\n');
	return `<div class="scroll"><table><caption>${escapeHtml(t.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

function section(s: HtmlSection, level: number): string {
	const h = Math.min(level, 6);
	return [
		`<section><h${h}>${escapeHtml(s.heading)}</h${h}>`,
		...(s.paragraphs ?? []).map((p) => `<p>${escapeHtml(p)}</p>`),
		s.links?.length
			? `<ul>${s.links.map((l) => `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.text)}</a></li>`).join('')}</ul>`
			: '',
		s.table ? table(s.table) : '',
		...(s.sections ?? []).map((x) => section(x, level + 1)),
		'</section>'
	].join('\n');
}

/** One page of the export as a complete HTML document. */
export function renderExportPage(p: HtmlPage): string {
	return `<!doctype html>
<html lang="${escapeHtml(p.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>${p.back ? `<nav><a href="${escapeHtml(p.back.href)}">${escapeHtml(p.back.text)}</a></nav>` : ''}</header>
<main>
<h1>${escapeHtml(p.title)}</h1>
${p.intro.map((x) => `<p>${escapeHtml(x)}</p>`).join('\n')}
${p.sections.map((s) => section(s, 2)).join('\n')}
</main>
<footer><p>${escapeHtml(p.generated)}</p></footer>
</body>
</html>
`;
}
