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
