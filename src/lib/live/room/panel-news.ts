import { PANEL_PARTS } from './room-elements.ts';

/** What a screen reader is told about, read from the panel before and after a swap. */
export type PanelSnapshot = {
	block: string;
	activity: string;
	results: boolean;
	group: string;
	moment: string;
};

export function snapshotPanel(panel: ParentNode): PanelSnapshot {
	const textOf = (selector: string) => panel.querySelector(selector)?.textContent?.trim() ?? '';
	return {
		block: textOf(PANEL_PARTS.blockHeading),
		activity: panel.querySelector(PANEL_PARTS.keptForm)
			? textOf(PANEL_PARTS.activityPrompt) || '-'
			: '',
		results: !!panel.querySelector(PANEL_PARTS.results),
		group: textOf(PANEL_PARTS.breakoutHeading),
		moment: textOf(PANEL_PARTS.momentStatus)
	};
}

/**
 * The one sentence worth announcing when the panel changed by itself, most important first
 * ('' for nothing). `texts` are the page's translated templates, with `{t}` for the title.
 */
export function newsOf(
	before: PanelSnapshot,
	now: PanelSnapshot,
	texts: { block: string; activity: string; results: string }
) {
	if (now.block !== before.block) return texts.block.replace('{t}', now.block);
	if (now.activity && now.activity !== before.activity) {
		return texts.activity.replace('{t}', now.activity);
	}
	if (now.group && now.group !== before.group) return now.group;
	if (now.results && !before.results) return texts.results;
	if (now.moment && now.moment !== before.moment) return now.moment;
	return '';
}
