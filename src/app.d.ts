import type { Locale } from '#lib/paraglide/runtime.js';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
			user: {
				id: string;
				name: string;
				email: string;
				locale: string;
				timeZone: string;
				pronouns: string | null;
				/** ISO country code from the profile, if given (which crisis lines to show). */
				country: string | null;
			} | null;
			roles: { admin: boolean; facilitator: boolean; participant: boolean; peerTrainer: boolean };
			/** The id of the session the request came with (to mark "this device" in the list). */
			sessionId?: string | null;
			/** An admin or facilitator who must still set up a second factor (ADR 029). */
			secondFactorMissing?: boolean;
			/** Set by handleError when a request failed for want of disk space or database. */
			unavailable?: 'disk-full' | 'database';
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}

export {};
