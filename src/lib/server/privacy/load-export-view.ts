import * as m from '#lib/paraglide/messages.js';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { listAccessToPerson } from '../audit/audit-events.queries.ts';
import { loadCohortContext, sessionTitle, type CohortContext } from '../cohorts/cohort-context.ts';
import { pseudonymOf } from '../evaluation/pseudonym.ts';
import { readWorkbook } from '../workbook/read-workbook.ts';
import { pdfFontsPresent } from '../workbook/workbook-pdf.ts';
import type { Locale } from '#lib/paraglide/runtime.js';
import {
	findExportAccount,
	listExportAttendance,
	listExportCalendarFeeds,
	listExportCertificates,
	listExportEmails,
	listExportEnrolments,
	listExportEvaluationRespondents,
	listExportEvaluationResponses,
	listExportLiveAnswers,
	listExportMemberships,
	listExportMomentSignals,
	listExportPulseRespondents,
	listExportSessions,
	listExportSignInMethods,
	listExportVotes,
	listExportWorkbookPreferences
} from './export-data.queries.ts';

/**
 * Everything the export shows about one person, read once: their account, their places and
 * what each area lists, with the formatting helpers every page uses (dates in their time zone,
 * cohort and session names in their language). Read inside the person's locale.
 */
export async function loadExportView(
	db: Db,
	cfg: Config,
	input: { userId: string; locale: Locale }
) {
	const locale = input.locale;
	const account = await findExportAccount(db, input.userId);
	if (!account) throw new Error('exportPersonalData: no such person');
	const dateFmt = new Intl.DateTimeFormat(locale, {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: account.timeZone
	});
	const when = (d: Date | null | undefined) => (d ? dateFmt.format(d) : null);
	const yesNo = (b: boolean) => (b ? m.export_yes() : m.export_no());

	const enrolments = await listExportEnrolments(db, input.userId);
	const enrolmentIds = enrolments.map((e) => e.id);
	const contexts = new Map<string, CohortContext>();
	for (const e of enrolments) {
		const ctx = await loadCohortContext(db, e.cohortId);
		if (ctx) contexts.set(e.cohortId, ctx);
	}
	const cohortName = (id: string) => contexts.get(id)?.cohort.name ?? '';
	const sessionLabel = (cohortId: string, n: number) => {
		const ctx = contexts.get(cohortId);
		const title = ctx ? sessionTitle(ctx, n, locale) : '';
		return title
			? `${m.session_heading({ number: n })}: ${title}`
			: m.session_heading({ number: n });
	};

	const [
		signIn,
		sessions,
		feeds,
		memberships,
		attendance,
		certificates,
		answers,
		votes,
		moments,
		prefs,
		respondents,
		pulses,
		emails,
		access
	] = await Promise.all([
		listExportSignInMethods(db, input.userId),
		listExportSessions(db, input.userId),
		listExportCalendarFeeds(db, input.userId),
		listExportMemberships(db, input.userId),
		listExportAttendance(db, enrolmentIds),
		listExportCertificates(db, enrolmentIds),
		listExportLiveAnswers(db, enrolmentIds),
		listExportVotes(db, enrolmentIds),
		listExportMomentSignals(db, enrolmentIds),
		listExportWorkbookPreferences(db, input.userId),
		listExportEvaluationRespondents(db, input.userId),
		listExportPulseRespondents(db, input.userId),
		listExportEmails(db, account.email),
		listAccessToPerson(db, input.userId, 10_000)
	]);

	// The person's own pseudonym per cohort they answered in, recomputed with the server's key.
	const keys = [...new Set(respondents.map((r) => r.cohortId))].map((cohortId) => ({
		cohortId,
		pseudonym: pseudonymOf(cfg.secret, input.userId, cohortId)
	}));
	const responses = (await listExportEvaluationResponses(db, keys)).filter((r) =>
		keys.some((k) => k.cohortId === r.cohortId && k.pseudonym === r.pseudonym)
	);

	// Workbooks: one per cohort the person has written in (or has a place in).
	const workbooks: {
		cohortId: string;
		file: string;
		wb: Awaited<ReturnType<typeof readWorkbook>>;
	}[] = [];
	for (const [i, e] of enrolments.entries()) {
		const wb = await readWorkbook(db, { cohortId: e.cohortId, userId: input.userId });
		if (wb.entries.length === 0 && wb.snapshots.length === 0) continue;
		workbooks.push({ cohortId: e.cohortId, file: `workbook-${i + 1}.pdf`, wb });
	}
	const fonts = pdfFontsPresent();
	return {
		locale,
		account,
		dateFmt,
		when,
		yesNo,
		enrolments,
		contexts,
		cohortName,
		sessionLabel,
		responses,
		workbooks,
		signIn,
		sessions,
		feeds,
		memberships,
		attendance,
		certificates,
		answers,
		votes,
		moments,
		prefs,
		respondents,
		pulses,
		emails,
		access,
		fonts
	};
}

export type ExportView = Awaited<ReturnType<typeof loadExportView>>;
