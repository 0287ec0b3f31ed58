import * as m from '#lib/paraglide/messages.js';
import { SECRET_LINK } from '../notifications/enqueue-email.ts';
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
import { auditActionText, auditRoleText } from '#lib/i18n/audit-labels.ts';
import type { HtmlSection } from './export-html.ts';
import type { ExportView } from './load-export-view.ts';

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

export const areaTitle: Record<ExportArea, () => string> = {
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

/** What each area's page says: its introduction and its sections (the JSON link is added by the caller). */
export function areaPages(
	v: ExportView,
	origin: string
): Record<ExportArea, { intro: string[]; sections: HtmlSection[] }> {
	const {
		locale,
		account,
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
		respondents,
		pulses,
		emails,
		access,
		fonts
	} = v;
	const col = {
		what: m.export_col_what(),
		value: m.export_col_value(),
		cohort: m.export_col_cohort(),
		session: m.export_col_session(),
		date: m.export_col_date()
	};
	const none = m.export_none();

	const questionText = (cohortId: string, item: string, value: string | number) => {
		const text = contexts.get(cohortId)?.pkg.evaluation?.text[locale]?.items[item];
		return {
			q: text?.text ?? item,
			a: (typeof value === 'string' && text?.options?.[value]) || String(value)
		};
	};
	return {
		account: {
			intro: [m.export_account_intro()],
			sections: [
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
		},
		memberships: {
			intro: [m.export_memberships_intro()],
			sections: [
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
		},
		'cohort-profiles': {
			intro: [m.export_profiles_intro()],
			sections: enrolments.map((e) => ({
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
		},
		attendance: {
			intro: [m.export_attendance_intro()],
			sections: [
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
		},
		certificates: {
			intro: [m.export_certificates_intro()],
			sections: [
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
							`${origin}/verify/${c.code}`,
							when(c.revokedAt),
							[c.issueReason, c.revokeReason].filter(Boolean).join(' / ')
						])
					}
				}
			]
		},
		'live-answers': {
			intro: [m.export_live_intro(), m.export_live_anonymous()],
			sections: [
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
		},
		workbook: {
			intro: [m.export_workbook_intro()],
			sections:
				workbooks.length === 0
					? [{ heading: areaTitle.workbook(), paragraphs: [none] }]
					: workbooks.map((w) => ({
							heading: cohortName(w.cohortId),
							links: fonts
								? [
										{
											href: w.file,
											text: m.export_workbook_pdf({ cohort: cohortName(w.cohortId) })
										}
									]
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
		},
		evaluation: {
			intro: [m.export_evaluation_intro()],
			sections: [
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
		},
		emails: {
			intro: [m.export_emails_intro({ email: account.email })],
			sections: [
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
		},
		access: {
			intro: [m.export_access_intro()],
			sections: [
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
		}
	};
}
