import type { Db } from '../db/client.ts';
import { hit } from '../security/rate-limit.ts';

/** Requests for an invitation through a group's shared join link, per hour. */
export const JOIN_LIMITS = { perAddress: 40, perEmail: 3 } as const;

/**
 * Whether someone without an account may ask for an invitation through a join link now. Two
 * limits: per network address, high enough for a whole group joining from one office network
 * (18 places, some typos), and per email address, so nobody's inbox can be flooded with
 * invitations through a shared link. Both scale with RATE_LIMIT_SCALE like every form limit.
 */
export async function joinRequestAllowed(
	db: Db,
	input: { client: string; email: string; scale: number; now?: number }
) {
	const hour = { windowS: 3600 };
	const now = input.now ?? Date.now();
	const perAddress = await hit(
		db,
		`join:${input.client}`,
		{ ...hour, max: JOIN_LIMITS.perAddress * input.scale },
		now
	);
	if (!perAddress) return false;
	return hit(
		db,
		`join-email:${input.email.toLowerCase()}`,
		{ ...hour, max: JOIN_LIMITS.perEmail * input.scale },
		now
	);
}
