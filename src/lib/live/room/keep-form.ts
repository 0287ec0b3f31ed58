import { PANEL_PARTS } from './room-elements.ts';

function childOnPath(parent: Node, node: Node | null) {
	while (node && node.parentNode !== parent) node = node.parentNode;
	return node;
}

/*
 * Replaces everything in `oldParent` with what is in `newParent`, except the branch that
 * holds the kept form: that branch is patched one level down, and the form itself is never
 * taken out of the page, so focus, the on-screen keyboard and typed text stay as they are.
 * False when the two trees do not line up (then the caller replaces the whole panel).
 */
function patchAround(oldParent: Node, newParent: Node, keepOld: Node, keepNew: Node): boolean {
	const doc = oldParent.ownerDocument!;
	const oc = childOnPath(oldParent, keepOld);
	const nc = childOnPath(newParent, keepNew);
	if (!oc || !nc || oc.nodeName !== nc.nodeName) return false;
	const before: Node[] = [];
	const after: Node[] = [];
	let seen = false;
	for (const kid of [...newParent.childNodes]) {
		if (kid === nc) seen = true;
		else (seen ? after : before).push(kid);
	}
	for (const old of [...oldParent.childNodes]) if (old !== oc) oldParent.removeChild(old);
	for (const b of before) oldParent.insertBefore(doc.adoptNode(b), oc);
	for (const a of after) oldParent.appendChild(doc.adoptNode(a));
	return oc === keepOld || patchAround(oc, nc, keepOld, keepNew);
}

/**
 * Puts the fetched panel `next` in place of `panel`. With `keepForm`, a form someone is
 * answering (the same `data-keep` in both) stays the very same element, typed text and focus
 * included; everything around it is new. Open sections (the support lines, the agenda) stay
 * open, by position, and focus returns to the same control when it was in the panel.
 */
export function swapPanel(panel: HTMLElement, next: HTMLElement, keepForm: boolean) {
	const doc = panel.ownerDocument;
	const active = doc.activeElement;
	const inPanel = !!active && active !== doc.body && panel.contains(active);
	const focusables = [...panel.querySelectorAll(PANEL_PARTS.focusable)];
	const focusIndex = inPanel ? focusables.indexOf(active!) : -1;
	const open = [...panel.querySelectorAll('details')].map((d) => d.open);
	const keep = panel.querySelector<HTMLElement>(PANEL_PARTS.keptForm);
	const fresh = next.querySelector<HTMLElement>(PANEL_PARTS.keptForm);
	const kept =
		keepForm &&
		!!keep &&
		!!fresh &&
		keep.dataset.keep === fresh.dataset.keep &&
		patchAround(panel, next, keep, fresh);
	if (next.dataset.audioFirst !== undefined) panel.dataset.audioFirst = next.dataset.audioFirst;
	if (!kept) panel.replaceChildren(...[...next.childNodes].map((n) => doc.adoptNode(n)));
	const details = panel.querySelectorAll('details');
	for (let i = 0; i < details.length && i < open.length; i++) details[i].open = open[i];
	// Unless it is still there (inside the kept form).
	if (inPanel && !panel.contains(active)) {
		const again =
			focusIndex >= 0 ? panel.querySelectorAll(PANEL_PARTS.focusable)[focusIndex] : null;
		if (again instanceof HTMLElement) again.focus();
	}
}
