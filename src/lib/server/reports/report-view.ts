import { stringify } from 'csv-stringify/sync';
import * as m from '#lib/paraglide/messages.js';
import { asLocale } from '../i18n/locale.ts';
import type { QuestionnaireText } from '../courses/course-package.schema.ts';
import type { Report } from './build-report.ts';
import { barChart, changeChart, type BarChart, type ChangeChart } from './charts.ts';

export type Figure = {
	id: string;
	title: string;
	description: string;
	chart: BarChart | ChangeChart | null;
	/* The data as a table: header and rows of text. */
	head: string[];
	rows: string[][];
};

const pct = (locale: string, v: number | null) =>
	v === null ? '–' : new Intl.NumberFormat(locale, { style: 'percent' }).format(v);
const dec = (locale: string, v: number) =>
	new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'auto' }).format(v);

/** The report's charts, each with a title, a description and its data as a table. */
export function reportFigures(
	r: Report,
	localeIn: string,
	text?: Record<string, QuestionnaireText>,
	minGroup = 5
): Figure[] {
	const locale = asLocale(localeIn);
	const o = { locale };
	const none = m.not_enough_answers({}, o);
	const figures: Figure[] = [];

	const att = r.attendance.map((a) => ({
		label: m.session_heading({ number: a.number }, o),
		value: a.places ? a.attended / a.places : 0,
		text: `${a.attended} / ${a.places}`
	}));
	figures.push({
		id: 'attendance',
		title: m.report_attendance_title({}, o),
		description: m.report_attendance_desc({}, o),
		// Bars are labelled with the session's number only, so four fit a phone's width.
		chart: barChart(
			att.map((a, i) => ({ ...a, label: String(i + 1), value: Math.round(a.value * 100) })),
			100
		),
		head: [m.report_col_session({}, o), m.report_col_attended({}, o), m.report_col_share({}, o)],
		rows: r.attendance.map((a, i) => [att[i].label, att[i].text, pct(locale, a.places ? a.attended / a.places : null)])
	});

	const useful = r.pulse.map((p) => {
		const it = p.summary.shown ? p.summary.items.find((i) => i.item === 'useful') : undefined;
		return { number: p.number, mean: it?.mean ?? null, count: p.summary.shown ? p.summary.count : null };
	});
	figures.push({
		id: 'pulse',
		title: m.report_pulse_title({}, o),
		description: m.report_pulse_desc({ min: minGroup }, o),
		chart: barChart(
			useful.map((u) => ({
				label: String(u.number),
				value: u.mean,
				text: u.mean === null ? none : dec(locale, u.mean)
			})),
			5
		),
		head: [m.report_col_session({}, o), m.pulse_mean({}, o), m.report_col_answers({}, o)],
		rows: useful.map((u) => [
			m.session_heading({ number: u.number }, o),
			u.mean === null ? none : dec(locale, u.mean),
			u.count === null ? none : String(u.count)
		])
	});

	const ev = r.evaluation;
	if (ev) {
		const paired = ev.paired;
		const t = text?.[locale] ?? (text ? Object.values(text)[0] : undefined);
		const rows =
			paired.shown
				? paired.likert.flatMap((l) =>
						l.shown
							? [{ label: t?.items[l.id]?.text ?? l.id, pre: l.pre, post: l.post, n: l.n, points: l.points }]
							: []
					)
				: [];
		figures.push({
			id: 'change',
			title: m.report_change_title({}, o),
			description: paired.shown
				? m.report_change_desc({ pairs: paired.pairs }, o)
				: m.report_change_desc_none({}, o),
			chart: rows.length
				? changeChart(
						rows.map((x) => ({ ...x, text: `${dec(locale, x.pre)} → ${dec(locale, x.post)}` })),
						// Up to the longest scale among them (a pack may have 2 to 11 points).
						[1, Math.max(5, ...rows.map((x) => x.points))]
					)
				: null,
			head: [m.report_col_statement({}, o), m.report_col_before({}, o), m.report_col_after({}, o), m.report_col_change({}, o)],
			rows: paired.shown
				? [
						[
							m.report_knowledge_score({ items: paired.knowledgeItems }, o),
							dec(locale, paired.knowledge.pre),
							dec(locale, paired.knowledge.post),
							dec(locale, paired.knowledge.change)
						],
						...paired.likert.map((l) => {
							const label = t?.items[l.id]?.text ?? l.id;
							return l.shown
								? [label, dec(locale, l.pre), dec(locale, l.post), dec(locale, l.change)]
								: [label, none, none, none];
						})
					]
				: [[m.report_knowledge_score({ items: 6 }, o), none, none, none]]
		});
	}
	return figures;
}

/*
 * Spreadsheet formulas are neutralised: a text cell that starts with = + - @ or a tab or CR
 * gets a leading apostrophe (numbers are written as numbers). A BOM makes Excel read UTF-8.
 */
const neutralise = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** The report as CSV (section, measure, value), with the same suppression as the page. */
export function reportCsv(r: Report, localeIn: string, text?: Record<string, QuestionnaireText>) {
	const locale = asLocale(localeIn);
	const o = { locale };
	const rows: (string | number)[][] = [
		[m.report_csv_section({}, o), m.report_csv_measure({}, o), m.report_csv_value({}, o)],
		[m.report_enrolment({}, o), m.report_enrolled({}, o), r.enrolment.enrolled],
		[m.report_enrolment({}, o), m.report_waitlisted({}, o), r.enrolment.waitlisted],
		[m.report_completion({}, o), m.completion_completed({}, o), r.completion.completed],
		[m.report_completion({}, o), m.report_rate({}, o), pct(locale, r.completion.rate)],
		[m.certs_title({}, o), m.report_valid({}, o), r.certificates.valid],
		[m.certs_title({}, o), m.report_revoked({}, o), r.certificates.revoked]
	];
	for (const f of reportFigures(r, locale, text)) {
		for (const row of f.rows) rows.push([f.title, row[0], row.slice(1).join(' | ')]);
	}
	for (const c of r.perCohort) {
		rows.push([m.report_per_cohort({}, o), c.name, `${c.enrolled} | ${c.completed} | ${c.certificates}`]);
	}
	for (const l of r.byLanguage) {
		rows.push([
			m.report_by_language({}, o),
			l.locale,
			l.change === null ? m.not_enough_answers({}, o) : dec(locale, l.change)
		]);
	}
	return (
		'\uFEFF' +
		stringify(rows, {
			record_delimiter: '\r\n',
			cast: { string: (v) => neutralise(v) }
		})
	);
}
