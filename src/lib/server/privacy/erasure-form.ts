import { z } from 'zod';

/*
 * The erasure form, shared by the person's page and the admin's: a password entered again,
 * the "cannot be undone" box, and what happens to certificates (asked only when there are
 * valid ones). Messages are message keys, as everywhere in #lib/forms.
 */
export function erasureForm(opts: { admin: boolean }) {
	return z.object({
		password: z.string({ error: 'error_required' }).min(1, 'error_required').max(1000),
		confirm: z.literal('on', { error: 'error_erase_confirm' }),
		// Asked only when there are valid certificates; the use case refuses a missing answer.
		certificates: z.enum(['revoke', 'keep'], { error: 'error_erase_certificates' }).optional(),
		reason: opts.admin
			? z
					.string({ error: 'error_erase_reason' })
					.trim()
					.min(1, 'error_erase_reason')
					.max(500, 'error_erase_reason')
			: z.string().optional()
	});
}

/** The message key and status for an erasure the use case refused. */
export function erasureRefusal(
	reason:
		| 'wrong-password'
		| 'not-found'
		| 'not-allowed'
		| 'reason-required'
		| 'last-admin'
		| 'certificate-choice'
) {
	switch (reason) {
		case 'wrong-password':
			return { status: 400, field: 'password', message: 'erase_wrong_password' } as const;
		case 'reason-required':
			return { status: 400, field: 'reason', message: 'error_erase_reason' } as const;
		case 'certificate-choice':
			return {
				status: 400,
				field: 'certificates',
				message: 'error_erase_certificates'
			} as const;
		case 'last-admin':
			return { status: 409, field: null, message: 'erase_last_admin' } as const;
		case 'not-allowed':
			return { status: 403, field: null, message: 'error_forbidden' } as const;
		case 'not-found':
			return { status: 404, field: null, message: 'admin_erase_not_found' } as const;
	}
}
