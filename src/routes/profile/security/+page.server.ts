import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { appContext } from '#lib/server/context.ts';
import { parseForm } from '#lib/forms/fields.ts';
import { totpCode } from '#lib/forms/second-factor-fields.ts';
import { isTwoFactorEnabled } from '#lib/server/accounts/users.queries.ts';
import { listPasskeys } from '#lib/server/second-factor/second-factors.queries.ts';
import { pendingTotpSetup } from '#lib/server/second-factor/pending-totp-setup.ts';
import { startTotpSetup } from '#lib/server/second-factor/start-totp-setup.ts';
import { confirmTotpSetup } from '#lib/server/second-factor/confirm-totp-setup.ts';
import { regenerateRecoveryCodes } from '#lib/server/second-factor/regenerate-recovery-codes.ts';
import { turnOffTotp } from '#lib/server/second-factor/turn-off-totp.ts';
import { removePasskey } from '#lib/server/second-factor/remove-passkey.ts';
import { totpQr } from '#lib/server/second-factor/totp-qr.ts';
import { passkeyOnlyStaff } from '#lib/server/organisations/staff-second-factor.ts';
import type { Actions, PageServerLoad } from './$types';

/* Two-factor sign-in for the signed-in person: an authenticator app with recovery codes, and passkeys. */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, '/sign-in?next=/profile/security');
	const { auth, db, cfg } = await appContext();
	const pending = await pendingTotpSetup(auth, db, locals.user);
	return {
		required: locals.secondFactorMissing ?? false,
		passkeyOnly: await passkeyOnlyStaff(db, cfg, locals.user.id),
		totpOn: await isTwoFactorEnabled(db, locals.user.id),
		pending: pending ? await totpQr(pending.totpUri) : null,
		passkeys: await listPasskeys(db, locals.user.id),
		done: url.searchParams.get('done'),
		locale: locals.locale,
		timeZone: locals.user.timeZone
	};
};

const passwordForm = z.object({
	password: z
		.string({ error: 'error_required' })
		.min(1, 'error_required')
		.max(200, 'error_too_long:200')
});
const codeForm = z.object({ code: totpCode });
const idForm = z.object({
	id: z.string({ error: 'error_not_found' }).min(1, 'error_not_found').max(100, 'error_not_found')
});

const WRONG_PASSWORD = 'error_wrong_password';

export const actions: Actions = {
	start: async ({ request, locals }) => {
		if (!locals.user) redirect(303, '/sign-in');
		const parsed = parseForm(passwordForm, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'start', errors: parsed.errors });
		const { auth } = await appContext();
		const r = await startTotpSetup(auth, {
			password: parsed.data.password,
			headers: request.headers
		});
		if (!r.ok) {
			return fail(400, {
				form: 'start',
				message: r.reason === 'wrong-password' ? WRONG_PASSWORD : 'second_factor_already'
			});
		}
		return { form: 'start', recoveryCodes: r.recoveryCodes };
	},
	confirm: async ({ request, locals }) => {
		if (!locals.user) redirect(303, '/sign-in');
		const parsed = parseForm(codeForm, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'confirm', errors: parsed.errors });
		const { auth, db, cfg } = await appContext();
		const r = await confirmTotpSetup(auth, db, cfg, {
			userId: locals.user.id,
			code: parsed.data.code,
			headers: request.headers
		});
		if (!r.ok) {
			const message = {
				'wrong-code': 'second_factor_wrong_code',
				'rate-limited': 'rate_limited',
				'not-started': 'second_factor_not_started'
			}[r.reason];
			return fail(r.reason === 'rate-limited' ? 429 : 400, { form: 'confirm', message });
		}
		redirect(303, '/profile/security?done=totp');
	},
	recoveryCodes: async ({ request, locals }) => {
		if (!locals.user) redirect(303, '/sign-in');
		const parsed = parseForm(passwordForm, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'codes', errors: parsed.errors });
		const { auth } = await appContext();
		const r = await regenerateRecoveryCodes(auth, {
			password: parsed.data.password,
			headers: request.headers
		});
		if (!r.ok) {
			return fail(400, {
				form: 'codes',
				message: r.reason === 'wrong-password' ? WRONG_PASSWORD : 'second_factor_not_started'
			});
		}
		return { form: 'codes', recoveryCodes: r.recoveryCodes };
	},
	turnOff: async ({ request, locals }) => {
		if (!locals.user) redirect(303, '/sign-in');
		const parsed = parseForm(passwordForm, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'off', errors: parsed.errors });
		const { auth } = await appContext();
		const r = await turnOffTotp(auth, { password: parsed.data.password, headers: request.headers });
		if (!r.ok) return fail(400, { form: 'off', message: WRONG_PASSWORD });
		redirect(303, '/profile/security?done=off');
	},
	removePasskey: async ({ request, locals }) => {
		if (!locals.user) redirect(303, '/sign-in');
		const parsed = parseForm(idForm, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'passkey', message: 'error_not_found' });
		const { db } = await appContext();
		const r = await removePasskey(db, { userId: locals.user.id, passkeyId: parsed.data.id });
		if (!r.ok) return fail(404, { form: 'passkey', message: 'error_not_found' });
		redirect(303, '/profile/security?done=passkey-removed');
	}
};
