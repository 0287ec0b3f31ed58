import { isUuid } from '#lib/forms/fields.ts';
import { isLocale } from '#lib/paraglide/runtime.js';
import type { ReportFilter } from './reports.queries.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The programme report's filter from the query string: ?from=YYYY-MM-DD&until=…&version=<id>
 * &lang=cs. Empty values mean "any"; anything malformed is refused (the page answers 400).
 */
export function readReportFilter(
	params: URLSearchParams
): { ok: true; filter: ReportFilter; values: Record<string, string> } | { ok: false } {
	const get = (k: string) => (params.get(k) ?? '').trim();
	const values = { from: get('from'), until: get('until'), version: get('version'), lang: get('lang') };
	const day = (v: string) => {
		if (!v) return undefined;
		if (!DAY.test(v)) return null;
		const d = new Date(`${v}T00:00:00Z`);
		return Number.isNaN(d.getTime()) ? null : d;
	};
	const from = day(values.from);
	const until = day(values.until);
	if (from === null || until === null) return { ok: false };
	if (values.version && !isUuid(values.version)) return { ok: false };
	if (values.lang && !isLocale(values.lang)) return { ok: false };
	return {
		ok: true,
		values,
		filter: {
			from,
			until,
			courseVersionId: values.version || undefined,
			locale: values.lang || undefined
		}
	};
}
