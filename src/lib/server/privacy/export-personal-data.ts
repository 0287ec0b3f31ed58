import { strToU8, zipSync, type Zippable } from 'fflate';
import * as m from '#lib/paraglide/messages.js';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';
import { listAccessToPerson } from '../audit/audit-events.queries.ts';
import { loadCohortContext, sessionTitle, type CohortContext } from '../cohorts/cohort-context.ts';
import { pseudonymOf } from '../evaluation/pseudonym.ts';
import { SECRET_LINK } from '../notifications/enqueue-email.ts';
import { readWorkbook } from '../workbook/read-workbook.ts';
import { pdfFontsPresent, renderWorkbookPdf } from '../workbook/workbook-pdf.ts';
import { workbookPdfContent } from '../workbook/workbook-pdf-content.ts';
import {
	attendanceLabel,
	backgroundLabel,
	enrolmentLabel,
	visibilityLabel
} from '#lib/i18n/cohort-labels.ts';
import {
	fieldLabel,
	kindLabel,
	mapSubjectLabel,
	sharingStatus,
	valueLabel
} from '#lib/i18n/workbook-labels.ts';
import { statusText } from '#lib/i18n/status-text.ts';
import { KIND_FIELDS } from '#lib/workbook/kinds.ts';
import { asLocale } from '../i18n/locale.ts';
import type { Locale } from '#lib/paraglide/runtime.js';
import { withLocale } from '../i18n/with-locale.ts';
import { renderExportPage, type HtmlSection } from './export-html.ts';
import { auditActionText, auditRoleText } from '#lib/i18n/audit-labels.ts';
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

/** The areas of the export, in the order the overview lists them. */
export const EXPORT_AREAS = [
	'account',
	'memberships',
	'cohort-profiles',
	'attendance',
	'certificates',
	'live-answers',
	'workbook',
	'evaluation',
	'emails',
	'access'
] as const;
export type ExportArea = (typeof EXPORT_AREAS)[number];

export type PersonalDataExport = {
	filename: string;
	zip: Uint8Array;
	/** The ZIP's file names, in order. */
	files: string[];
};

const areaTitle: Record<ExportArea, () => string> = {
	account: m.export_area_account,
	memberships: m.export_area_memberships,
	'cohort-profiles': m.export_area_cohort_profiles,
	attendance: m.export_area_attendance,
	certificates: m.export_area_certificates,
	'live-answers': m.export_area_live_answers,
	workbook: m.export_area_workbook,
	evaluation: m.export_area_evaluation,
	emails: m.export_area_emails,
	access: m.export_area_access
};

/** A live answer's payload as one line of text: the words, choices or number the person gave. */
function answerText(payload: unknown): string {
	if (payload === null || payload === undefined) return '';
	if (Array.isArray(payload)) return payload.map(answerText).join(', ');
	if (typeof payload === 'object') {
		return Object.entries(payload as Record<string, unknown>)
			.filter(([k]) => k !== 'share' && k !== 'done')
			.map(([, v]) => answerText(v))
			.filter(Boolean)
			.join(' — ');
	}
	return String(payload);
}

/**
 * Everything Trellis keeps about one person, for that person, as a ZIP: per area a JSON file
 * for programs and a self-contained HTML page to read, an index.html linking them, and each
 * workbook as its PDF. Rules:
 * - Only the person's own rows: every read is keyed by their id, their email address or their
 *   own enrolments. Anonymous live answers and feedback pulses have no link to anybody, so
 *   they cannot be included; the pages say so. Others' names appear only where the person
 *   may already see them (who opened an entry they shared, who accessed their data).
 * - Evaluation answers are stored under a pseudonym (HMAC of person and cohort, keyed from
 *   `cfg.secret`, which is not in the database). The server recomputes the person's own
 *   pseudonym for each cohort they answered in; if the key has changed since, the answers
 *   cannot be linked any more and the page says that instead.
 * - Secret links in emails (sign-in, reset, invitation) are never included.
 * - No approval: the person asking is the person exported. The export is recorded in the
 *   audit log with the person as actor and subject (the route limits how often).
 * Written in `input.locale` (the route passes the person's preferred language).
 */
export function exportPersonalData(
	db: Db,
	cfg: Config,
	input: { userId: string; locale: string; actorRole: 'admin' | 'facilitator' | 'participant' },
	now = new Date()
): Promise<PersonalDataExport> {
	const locale = asLocale(input.locale);
	return withLocale(locale, () => buildExport(db, cfg, { ...input, locale }, now));
}

async function buildExport(
	db: Db,
	cfg: Config,
	input: { userId: string; locale: Locale; actorRole: 'admin' | 'facilitator' | 'participant' },
	now: Date
): Promise<PersonalDataExport> {
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

	const files: Zippable = {};
	const order: string[] = [];
	const put = (name: string, data: Uint8Array) => {
		files[name] = data;
		order.push(name);
	};
	const json = (v: unknown) => strToU8(JSON.stringify(v, null, 2));
	const generated = m.export_generated({ date: dateFmt.format(now), email: account.email });
	const page = (area: ExportArea, intro: string[], sections: HtmlSection[]) =>
		strToU8(
			renderExportPage({
				lang: locale,
				title: areaTitle[area](),
				back: { href: 'index.html', text: m.export_back() },
				intro,
				sections: [
					...sections,
					{
						heading: m.export_machine_heading(),
						links: [{ href: `${area}.json`, text: `${area}.json` }]
					}
				],
				generated
			})
		);

	const data: Record<ExportArea, unknown> = {
		account: {
			account,
			signInMethods: signIn,
			sessions,
			calendarFeeds: feeds
		},
		memberships,
		'cohort-profiles': enrolments.map((e) => ({
			cohortId: e.cohortId,
			cohortName: e.cohortName,
			status: e.status,
			displayName: e.displayName,
			pronouns: e.pronouns,
			background: e.background,
			backgroundVisibility: e.backgroundVisibility,
			accessNeeds: e.accessNeeds,
			specialCategoryConsentAt: e.specialCategoryConsentAt,
			createdAt: e.createdAt,
			statusAt: e.statusAt
		})),
		attendance: attendance.map((a) => ({ ...a, cohortName: cohortName(a.cohortId) })),
		certificates: certificates.map((c) => ({
			...c,
			cohortName: cohortName(c.cohortId),
			verifyUrl: `${cfg.origin}/verify/${c.code}`
		})),
		'live-answers': {
			answers: answers.map((a) => ({ ...a, cohortName: cohortName(a.cohortId) })),
			votes,
			momentSignals: moments,
			anonymousAnswers: 'not-linkable'
		},
		workbook: workbooks.map((w) => ({
			cohortId: w.cohortId,
			cohortName: cohortName(w.cohortId),
			pdf: w.file,
			preferences: prefs.find((p) => p.cohortId === w.cohortId) ?? null,
			mapSubject: w.wb.mapSubject,
			entries: w.wb.entries.map((e) => ({
				id: e.id,
				sessionNumber: e.sessionNumber,
				kind: e.kind,
				fields: e.fields,
				sharing: e.sharing,
				sharedAt: e.sharedAt,
				version: e.version,
				createdAt: e.createdAt,
				updatedAt: e.updatedAt,
				openedBy: e.views.map((v) => ({
					name: v.name,
					firstOpenedAt: v.firstOpenedAt,
					lastOpenedAt: v.lastOpenedAt
				}))
			})),
			mapSnapshots: w.wb.snapshots.map((s) => ({
				label: s.label,
				subject: s.subject,
				ties: s.ties,
				createdAt: s.createdAt
			}))
		})),
		evaluation: {
			pseudonymRecomputed: true,
			responses: respondents.map((r) => {
				const found = responses.find((x) => x.cohortId === r.cohortId && x.phase === r.phase);
				return {
					cohortId: r.cohortId,
					cohortName: cohortName(r.cohortId),
					phase: r.phase,
					linked: !!found,
					questionnaire: found?.questionnaire ?? null,
					answers: found?.answers ?? null
				};
			}),
			feedbackPulsesAnswered: pulses.map((p) => ({
				...p,
				cohortName: cohortName(p.cohortId),
				answers: 'not-linkable'
			}))
		},
		emails: emails.map((e) => ({
			...e,
			textBody: e.textBody.split(SECRET_LINK).join(m.export_link_removed())
		})),
		access: access.map((a) => ({
			at: a.at,
			action: a.action,
			actorName: a.actorName,
			actorRole: a.actorRole,
			cohortName: a.cohortName,
			target: a.target,
			reason: a.reason
		}))
	};

	// index.html first, so it is the first thing a person sees in the archive.
	put(
		'index.html',
		strToU8(
			renderExportPage({
				lang: locale,
				title: m.export_index_title(),
				intro: [m.export_index_intro({ name: account.name, date: dateFmt.format(now) })],
				sections: [
					{
						heading: m.export_index_areas(),
						links: EXPORT_AREAS.map((a) => ({ href: `${a}.html`, text: areaTitle[a]() }))
					},
					{ heading: m.export_machine_heading(), paragraphs: [m.export_machine_intro()] }
				],
				generated
			})
		)
	);

	const col = {
		what: m.export_col_what(),
		value: m.export_col_value(),
		cohort: m.export_col_cohort(),
		session: m.export_col_session(),
		date: m.export_col_date()
	};
	const none = m.export_none();

	put(
		'account.html',
		page(
			'account',
			[m.export_account_intro()],
			[
				{
					heading: m.export_account_details(),
					table: {
						caption: m.export_account_details(),
						columns: [col.what, col.value],
						empty: none,
						rows: [
							[m.field_name(), account.name],
							[m.field_email(), account.email],
							[m.export_email_confirmed(), yesNo(account.emailVerified)],
							[m.field_pronouns(), account.pronouns],
							[m.field_locale(), account.locale],
							[m.field_time_zone(), account.timeZone],
							[m.field_country(), account.country],
							[m.export_account_created(), when(account.createdAt)],
							[m.export_account_updated(), when(account.updatedAt)]
						]
					}
				},
				{
					heading: m.export_sign_in_methods(),
					table: {
						caption: m.export_sign_in_methods(),
						columns: [m.export_col_method(), m.export_col_since()],
						empty: none,
						rows: signIn.map((s) => [s.providerId, when(s.createdAt)])
					}
				},
				{
					heading: m.export_sessions(),
					paragraphs: [m.export_sessions_intro()],
					table: {
						caption: m.export_sessions(),
						columns: [
							m.export_col_started(),
							m.export_col_expires(),
							m.export_col_ip(),
							m.export_col_device()
						],
						empty: none,
						rows: sessions.map((s) => [
							when(s.createdAt),
							when(s.expiresAt),
							s.ipAddress,
							s.userAgent
						])
					}
				},
				{
					heading: m.export_calendar_feeds(),
					table: {
						caption: m.export_calendar_feeds(),
						columns: [m.export_col_started(), m.export_col_revoked()],
						empty: none,
						rows: feeds.map((f) => [when(f.createdAt), when(f.revokedAt)])
					}
				}
			]
		)
	);
	put('account.json', json(data.account));

	put(
		'memberships.html',
		page(
			'memberships',
			[m.export_memberships_intro()],
			[
				{
					heading: areaTitle.memberships(),
					table: {
						caption: areaTitle.memberships(),
						columns: [m.export_col_organisation(), m.export_col_role(), m.export_col_since()],
						empty: none,
						rows: memberships.map((r) => [
							r.organisation,
							auditRoleText(r.role) + (r.peerTrainer ? ` (${m.role_peer_trainer()})` : ''),
							when(r.createdAt)
						])
					}
				}
			]
		)
	);
	put('memberships.json', json(data.memberships));

	put(
		'cohort-profiles.html',
		page(
			'cohort-profiles',
			[m.export_profiles_intro()],
			enrolments.map((e) => ({
				heading: e.cohortName,
				table: {
					caption: m.export_profile_of({ cohort: e.cohortName }),
					columns: [col.what, col.value],
					empty: none,
					rows: [
						[m.export_col_status(), enrolmentLabel(e.status)],
						[m.cohort_field_display_name(), e.displayName],
						[m.field_pronouns(), e.pronouns],
						[m.cohort_field_background(), e.background ? backgroundLabel(e.background) : null],
						[m.cohort_field_visibility(), visibilityLabel(e.backgroundVisibility)],
						[m.cohort_field_access(), e.accessNeeds],
						[m.export_consent_given(), when(e.specialCategoryConsentAt)],
						[m.export_joined(), when(e.createdAt)],
						[m.export_status_since(), when(e.statusAt)]
					]
				}
			}))
		)
	);
	put('cohort-profiles.json', json(data['cohort-profiles']));

	put(
		'attendance.html',
		page(
			'attendance',
			[m.export_attendance_intro()],
			[
				{
					heading: areaTitle.attendance(),
					table: {
						caption: areaTitle.attendance(),
						columns: [
							col.cohort,
							col.session,
							col.date,
							m.export_col_status(),
							m.export_col_source(),
							m.export_col_first_joined()
						],
						empty: none,
						rows: attendance.map((a) => [
							cohortName(a.cohortId),
							sessionLabel(a.cohortId, a.sessionNumber),
							when(a.startsAt),
							attendanceLabel(a.status),
							a.source === 'room' ? m.export_source_room() : m.export_source_facilitator(),
							when(a.firstJoinedAt)
						])
					}
				}
			]
		)
	);
	put('attendance.json', json(data.attendance));

	put(
		'certificates.html',
		page(
			'certificates',
			[m.export_certificates_intro()],
			[
				{
					heading: areaTitle.certificates(),
					table: {
						caption: areaTitle.certificates(),
						columns: [
							col.cohort,
							m.export_col_name_printed(),
							m.export_col_issued(),
							m.export_col_verify(),
							m.export_col_revoked(),
							m.export_col_reason()
						],
						empty: none,
						rows: certificates.map((c) => [
							cohortName(c.cohortId),
							c.nameOnCertificate,
							when(c.issuedAt),
							`${cfg.origin}/verify/${c.code}`,
							when(c.revokedAt),
							[c.issueReason, c.revokeReason].filter(Boolean).join(' / ')
						])
					}
				}
			]
		)
	);
	put('certificates.json', json(data.certificates));

	put(
		'live-answers.html',
		page(
			'live-answers',
			[m.export_live_intro(), m.export_live_anonymous()],
			[
				{
					heading: areaTitle['live-answers'](),
					table: {
						caption: areaTitle['live-answers'](),
						columns: [
							col.cohort,
							col.session,
							m.export_col_activity(),
							col.date,
							m.export_col_audience(),
							m.export_col_answer()
						],
						empty: none,
						rows: answers.map((a) => [
							cohortName(a.cohortId),
							sessionLabel(a.cohortId, a.sessionNumber),
							a.blockId,
							when(a.createdAt),
							(a.shared ? m.export_answer_shared() : m.export_answer_private()) +
								(a.hidden ? ` (${m.export_answer_hidden()})` : ''),
							a.passed ? m.export_answer_passed() : answerText(a.payload)
						])
					}
				},
				{
					heading: m.export_votes_heading(),
					paragraphs: [m.export_votes_count({ count: votes.length })]
				},
				{
					heading: m.export_moments_heading(),
					table: {
						caption: m.export_moments_heading(),
						columns: [col.cohort, col.session, col.date, m.export_col_acknowledged()],
						empty: none,
						rows: moments.map((s) => [
							cohortName(s.cohortId),
							sessionLabel(s.cohortId, s.sessionNumber),
							when(s.createdAt),
							when(s.acknowledgedAt)
						])
					}
				}
			]
		)
	);
	put('live-answers.json', json(data['live-answers']));

	const fonts = pdfFontsPresent();
	put(
		'workbook.html',
		page(
			'workbook',
			[m.export_workbook_intro()],
			workbooks.length === 0
				? [{ heading: areaTitle.workbook(), paragraphs: [none] }]
				: workbooks.map((w) => ({
						heading: cohortName(w.cohortId),
						links: fonts
							? [{ href: w.file, text: m.export_workbook_pdf({ cohort: cohortName(w.cohortId) }) }]
							: [],
						paragraphs: [
							`${m.workbook_map_heading()}: ${mapSubjectLabel(w.wb.mapSubject)}`,
							...(fonts ? [] : [m.export_workbook_pdf_missing()])
						],
						sections: [
							{
								heading: m.export_workbook_entries(),
								table: {
									caption: m.export_workbook_entries_of({ cohort: cohortName(w.cohortId) }),
									columns: [
										col.session,
										m.export_col_kind(),
										m.export_col_sharing(),
										m.export_col_text(),
										m.export_col_updated(),
										m.export_col_opened_by()
									],
									empty: none,
									rows: w.wb.entries.map((e) => [
										sessionLabel(w.cohortId, e.sessionNumber),
										kindLabel(e.kind),
										sharingStatus(e.sharing),
										(KIND_FIELDS[e.kind] ?? Object.keys(e.fields))
											.filter((k) => e.fields[k])
											.map((k) => `${fieldLabel(e.kind, k)}: ${valueLabel(k, e.fields[k])}`)
											.join('\n'),
										when(e.updatedAt),
										e.views.map((v) => v.name).join(', ')
									])
								}
							},
							{
								heading: m.export_workbook_snapshots(),
								table: {
									caption: m.export_workbook_snapshots(),
									columns: [m.export_col_label(), col.date, m.export_col_ties()],
									empty: none,
									rows: w.wb.snapshots.map((s) => [s.label, when(s.createdAt), s.ties.length])
								}
							}
						]
					}))
		)
	);
	put('workbook.json', json(data.workbook));
	if (fonts) {
		for (const w of workbooks) {
			const ctx = contexts.get(w.cohortId);
			if (!ctx) continue;
			const pdf = await renderWorkbookPdf(workbookPdfContent(ctx, w.wb, account.name, locale));
			// Already compressed: stored as is, so zipping does not spend time on it again.
			files[w.file] = [new Uint8Array(pdf), { level: 0 }];
			order.push(w.file);
		}
	}

	const questionText = (cohortId: string, item: string, value: string | number) => {
		const text = contexts.get(cohortId)?.pkg.evaluation?.text[locale]?.items[item];
		return {
			q: text?.text ?? item,
			a: (typeof value === 'string' && text?.options?.[value]) || String(value)
		};
	};
	put(
		'evaluation.html',
		page(
			'evaluation',
			[m.export_evaluation_intro()],
			[
				...respondents.map((r): HtmlSection => {
					const found = responses.find((x) => x.cohortId === r.cohortId && x.phase === r.phase);
					const heading = `${cohortName(r.cohortId)}: ${r.phase === 'pre' ? m.export_phase_pre() : m.export_phase_post()}`;
					if (!found) return { heading, paragraphs: [m.export_evaluation_unlinked()] };
					return {
						heading,
						table: {
							caption: heading,
							columns: [m.export_col_question(), m.export_col_answer()],
							empty: none,
							rows: Object.entries(found.answers).map(([k, v]) => {
								const t = questionText(r.cohortId, k, v);
								return [t.q, t.a];
							})
						}
					};
				}),
				...(respondents.length === 0
					? [{ heading: areaTitle.evaluation(), paragraphs: [none] }]
					: []),
				{
					heading: m.export_pulse_heading(),
					paragraphs: [m.export_pulse_intro()],
					table: {
						caption: m.export_pulse_heading(),
						columns: [col.cohort, col.session],
						empty: none,
						rows: pulses.map((p) => [
							cohortName(p.cohortId),
							sessionLabel(p.cohortId, p.sessionNumber)
						])
					}
				}
			]
		)
	);
	put('evaluation.json', json(data.evaluation));

	put(
		'emails.html',
		page(
			'emails',
			[m.export_emails_intro({ email: account.email })],
			[
				{
					heading: areaTitle.emails(),
					table: {
						caption: areaTitle.emails(),
						columns: [
							col.date,
							m.export_col_subject(),
							m.export_col_status(),
							m.export_col_text(),
							m.export_col_attachments()
						],
						empty: none,
						rows: emails.map((e) => [
							when(e.createdAt),
							e.subject,
							statusText(e.status),
							e.textBody.split(SECRET_LINK).join(m.export_link_removed()),
							e.attachments.join(', ')
						])
					}
				}
			]
		)
	);
	put('emails.json', json(data.emails));

	put(
		'access.html',
		page(
			'access',
			[m.export_access_intro()],
			[
				{
					heading: areaTitle.access(),
					table: {
						caption: areaTitle.access(),
						columns: [
							col.date,
							m.export_col_who(),
							m.export_col_role(),
							m.export_col_action(),
							col.cohort,
							m.export_col_what()
						],
						empty: none,
						rows: access.map((a) => [
							when(a.at),
							a.actorName ?? m.export_actor_system(),
							auditRoleText(a.actorRole),
							auditActionText(a.action),
							a.cohortName,
							a.target
						])
					}
				}
			]
		)
	);
	put('access.json', json(data.access));

	// Text compresses well at a low level; the time goes into the PDFs, not here.
	const zip = zipSync(files, { level: 6, mtime: now });
	await recordAuditEvents(
		db,
		[
			{
				actorId: input.userId,
				actorRole: input.actorRole,
				subjectId: input.userId,
				action: 'export-personal-data',
				target: 'self-service'
			}
		],
		now
	);
	return {
		filename: `trellis-data-${now.toISOString().slice(0, 10)}.zip`,
		zip,
		files: order
	};
}
