import type { Db } from '../db/client.ts';
import type { Background, Visibility } from '../db/schema/index.ts';
import { lockEnrolmentConsent, updateEnrolmentProfile } from './enrolment.queries.ts';

export type CohortProfile = {
	displayName: string | null;
	pronouns: string | null;
	background: Background | null;
	backgroundVisibility: Visibility;
	accessNeeds: string | null;
};

/**
 * Whether a profile holds special-category data: a background (it says how the person relates
 * to mental-health challenges) or access needs. "I prefer not to say" reveals nothing.
 */
export function holdsSpecialCategory(p: Pick<CohortProfile, 'background' | 'accessNeeds'>) {
	return (!!p.background && p.background !== 'prefer_not_to_say') || !!p.accessNeeds;
}

/**
 * What a participant tells this cohort about themselves. Every field is optional, and the
 * background is shown only as far as `backgroundVisibility` allows (participant-background.ts).
 * The background and access needs are special-category data (issue #16): they are kept only
 * with the person's explicit consent, asked when they are first filled. A save that holds
 * either without consent given now or before is refused and changes nothing; the first
 * consent's time is kept until the person withdraws it (withdraw-special-category-consent.ts).
 */
export async function updateCohortProfile(
	db: Db,
	enrolmentId: string,
	p: CohortProfile & { consent: boolean },
	now = new Date()
): Promise<{ ok: true } | { ok: false; reason: 'consent-required' | 'not-found' }> {
	return db.transaction(async (tx) => {
		const current = await lockEnrolmentConsent(tx, enrolmentId);
		if (!current) return { ok: false, reason: 'not-found' } as const;
		const sensitive = holdsSpecialCategory(p);
		if (sensitive && !current.consentAt && !p.consent) {
			return { ok: false, reason: 'consent-required' } as const;
		}
		const { consent, ...profile } = p;
		await updateEnrolmentProfile(tx, enrolmentId, {
			...profile,
			specialCategoryConsentAt: current.consentAt ?? (sensitive && consent ? now : null)
		});
		return { ok: true } as const;
	});
}
