import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { appContext } from '#lib/server/context.ts';
import { email, parseForm } from '#lib/forms/fields.ts';
import { requireAdmin } from '#lib/server/accounts/require-admin.ts';
import { inviteMember } from '#lib/server/accounts/invite-member.ts';
import { changeRole } from '#lib/server/accounts/change-role.ts';
import { listOpenInvitations } from '#lib/server/accounts/invitations.queries.ts';
import { cancelInvitation } from '#lib/server/accounts/cancel-invitation.ts';
import { listMembers } from '#lib/server/accounts/users.queries.ts';
import { currentOrganisation } from '#lib/server/organisations/current-organisation.ts';
import { hit } from '#lib/server/security/rate-limit.ts';
import { locales } from '#lib/server/i18n/locale.ts';
import type { Actions, PageServerLoad } from './$types';

const role = z.enum(['admin', 'facilitator', 'participant'], { error: 'error_role' });
const locale = z.enum(locales as unknown as [string, ...string[]], { error: 'error_locale' });

export const load: PageServerLoad = async ({ locals, url }) => {
	requireAdmin(locals);
	const { db } = await appContext();
	const org = await currentOrganisation(db);
	const rows = await listMembers(db, org.id);
	const people = new Map<
		string,
		{ userId: string; name: string; email: string; roles: string[]; peerTrainer: boolean }
	>();
	for (const r of rows) {
		const p = people.get(r.userId) ?? {
			userId: r.userId,
			name: r.name,
			email: r.email,
			roles: [],
			peerTrainer: false
		};
		p.roles.push(r.role);
		p.peerTrainer ||= r.peerTrainer;
		people.set(r.userId, p);
	}
	return {
		people: [...people.values()],
		invitations: await listOpenInvitations(db, org.id, new Date()),
		timeZone: locals.user!.timeZone,
		erased: url.searchParams.has('erased'),
		reset: url.searchParams.has('reset'),
		selfId: locals.user!.id
	};
};

export const actions: Actions = {
	invite: async ({ request, locals }) => {
		const admin = requireAdmin(locals);
		const parsed = parseForm(z.object({ email, role, locale }), await request.formData());
		if (!parsed.ok) {
			return fail(400, { form: 'invite', errors: parsed.errors, values: parsed.values });
		}
		const { db, cfg } = await appContext();
		if (!(await hit(db, `invite:${admin.id}`, { max: 30 * cfg.RATE_LIMIT_SCALE, windowS: 3600 }))) {
			return fail(429, { form: 'invite', message: 'rate_limited', values: parsed.data });
		}
		const org = await currentOrganisation(db);
		const r = await inviteMember(db, cfg, {
			organisation: org,
			...parsed.data,
			invitedBy: admin.id
		});
		if (!r.ok) {
			return fail(409, { form: 'invite', alreadyMember: parsed.data.email, values: parsed.data });
		}
		return { form: 'invite', invited: parsed.data.email };
	},
	cancel: async ({ request, locals }) => {
		requireAdmin(locals);
		const parsed = parseForm(z.object({ id: z.uuid() }), await request.formData());
		if (!parsed.ok) return fail(400, { form: 'cancel' });
		const { db } = await appContext();
		const org = await currentOrganisation(db);
		const email = await cancelInvitation(db, { organisationId: org.id, id: parsed.data.id });
		return { form: 'cancel', cancelled: email ?? null };
	},
	role: async ({ request, locals }) => {
		const admin = requireAdmin(locals);
		const parsed = parseForm(
			z.object({ userId: z.string().min(1).max(100), role, action: z.enum(['add', 'remove']) }),
			await request.formData()
		);
		if (!parsed.ok) return fail(400, { form: 'role', message: 'error_role' });
		const { db } = await appContext();
		const org = await currentOrganisation(db);
		const r = await changeRole(db, { organisationId: org.id, ...parsed.data, by: admin.id });
		if (!r.ok) {
			return fail(r.reason === 'last-admin' ? 409 : 404, {
				form: 'role',
				message: r.reason === 'last-admin' ? 'admin_last_admin' : 'error_role'
			});
		}
		return { form: 'role', changed: parsed.data.action };
	}
};
