import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { appContext } from '#lib/server/context.ts';
import { parseForm, requiredText, isUuid } from '#lib/forms/fields.ts';
import { requireManager } from '#lib/server/cohorts/cohort-access.ts';
import { listEnrolmentsWithPeople } from '#lib/server/enrolment/enrolment.queries.ts';
import { listAttendance } from '#lib/server/attendance/attendance.queries.ts';
import { completionOf, marksByEnrolment } from '#lib/server/attendance/completion.ts';
import { listCertificatesOfCohort } from '#lib/server/certificates/certificates.queries.ts';
import { issueCertificate } from '#lib/server/certificates/issue-certificate.ts';
import { revokeCertificate } from '#lib/server/certificates/revoke-certificate.ts';
import type { Actions, PageServerLoad } from './$types';

/* The cohort's certificates for its facilitators: who holds one, issuing and revoking. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const { db } = await appContext();
	const { ctx, user } = await requireManager(db, locals, params.id);
	const now = new Date();
	const people = (await listEnrolmentsWithPeople(db, ctx.cohort.id)).filter(
		(p) => p.status === 'enrolled'
	);
	const marks = marksByEnrolment(await listAttendance(db, ctx.cohort.id));
	const certs = await listCertificatesOfCohort(db, ctx.cohort.id);
	const sessions = ctx.sessions.filter((s) => !s.cancelledAt);
	return {
		cohort: { id: ctx.cohort.id, name: ctx.cohort.name },
		timeZone: user.timeZone,
		rows: people.map((p) => {
			const mine = certs.filter((c) => c.enrolmentId === p.id);
			const valid = mine.find((c) => !c.revokedAt);
			const last = valid ?? mine.at(-1);
			return {
				enrolmentId: p.id,
				name: p.displayName || p.name,
				completion: completionOf(
					ctx.cohort.completionRule,
					sessions,
					marks.get(p.id) ?? new Map(),
					now
				),
				certificate: last
					? {
							id: last.id,
							issuedAt: last.issuedAt,
							revokedAt: last.revokedAt,
							by: last.issuedBy ? 'facilitator' : 'automatic'
						}
					: null
			};
		})
	};
};

const uuidField = z.string().refine(isUuid, 'error_not_found');

export const actions: Actions = {
	issue: async ({ params, request, locals }) => {
		const { db } = await appContext();
		const { ctx, user } = await requireManager(db, locals, params.id);
		const parsed = parseForm(
			z.object({ enrolmentId: uuidField, reason: requiredText(500) }),
			await request.formData()
		);
		if (!parsed.ok) {
			return fail(400, { form: 'issue', errors: parsed.errors, values: parsed.values });
		}
		const r = await issueCertificate(db, {
			cohortId: ctx.cohort.id,
			enrolmentId: parsed.data.enrolmentId,
			by: user.id,
			reason: parsed.data.reason
		});
		if (!r.ok) {
			const message =
				r.reason === 'already-issued'
					? 'error_cert_already_issued'
					: r.reason === 'not-enrolled'
						? 'error_cert_not_enrolled'
						: 'error_not_found';
			return fail(r.reason === 'already-issued' ? 409 : 400, { form: 'issue', message });
		}
		return { form: 'issue', done: true };
	},
	revoke: async ({ params, request, locals }) => {
		const { db } = await appContext();
		const { ctx, user, facilitator } = await requireManager(db, locals, params.id);
		const parsed = parseForm(
			z.object({ certificateId: uuidField, reason: requiredText(500) }),
			await request.formData()
		);
		if (!parsed.ok) {
			return fail(400, { form: 'revoke', errors: parsed.errors, values: parsed.values });
		}
		const r = await revokeCertificate(db, {
			cohortId: ctx.cohort.id,
			certificateId: parsed.data.certificateId,
			by: user.id,
			byRole: facilitator ? 'facilitator' : 'admin',
			reason: parsed.data.reason
		});
		if (!r.ok) {
			const message =
				r.reason === 'already-revoked' ? 'error_cert_already_revoked' : 'error_cert_not_found';
			return fail(r.reason === 'already-revoked' ? 409 : 400, { form: 'revoke', message });
		}
		return { form: 'revoke', done: true };
	}
};
