import type { Visibility } from '../db/schema/index.ts';

/**
 * The one rule for who may see a participant's background (professional, lived experience,
 * family, …): the person chooses nobody, the facilitators, or the whole cohort. Every page
 * and export asks here rather than reading `backgroundVisibility` itself.
 */
export function visibleBackground<B>(
	p: { background: B | null; backgroundVisibility: Visibility | string },
	viewer: 'facilitator' | 'participant'
): B | null {
	if (p.backgroundVisibility === 'cohort') return p.background;
	if (p.backgroundVisibility === 'facilitators' && viewer === 'facilitator') return p.background;
	return null;
}
