import * as m from '#lib/paraglide/messages.js';
import { SECRET_LINK } from '../notifications/enqueue-email.ts';
import type { ExportArea } from './export-area-pages.ts';
import type { ExportView } from './load-export-view.ts';

/** Each area's JSON file: the person's rows as stored, with cohort names beside their ids. */
export function areaData(v: ExportView, origin: string): Record<ExportArea, unknown> {
	const {
		account,
		enrolments,
		cohortName,
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
		access
	} = v;
	return {
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
			verifyUrl: `${origin}/verify/${c.code}`
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
}
