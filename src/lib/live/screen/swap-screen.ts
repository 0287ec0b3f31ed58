import { SCREEN_IDS, SCREEN_PARTS } from './screen-elements.ts';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const isControl = (el: Element | null): el is Control =>
	el instanceof HTMLInputElement ||
	el instanceof HTMLSelectElement ||
	el instanceof HTMLTextAreaElement;

/* A form is known by its hidden fields (the console's action and the id it acts on). */
function formKey(el: Element) {
	const form = el.closest('form');
	if (!form) return '';
	return [...form.querySelectorAll<HTMLInputElement>('input[type=hidden]')]
		.map((i) => `${i.name}=${i.value}`)
		.join('&');
}

/** What names a control in both renderings of the screen. */
function controlKey(c: Control) {
	if (c.id) return `#${c.id}`;
	const choice = c instanceof HTMLInputElement && /^(checkbox|radio)$/.test(c.type);
	return `${formKey(c)}|${c.name}|${choice ? c.value : ''}`;
}

/** What names anything that can hold focus in both renderings. */
function focusKey(el: Element) {
	if (isControl(el)) return controlKey(el);
	const b = el instanceof HTMLButtonElement ? `${el.name}=${el.value}` : '';
	return `${el.tagName}|${formKey(el)}|${b}|${el.getAttribute('href') ?? ''}|${el.textContent?.trim()}`;
}

/** Whether the person changed a control since the page rendered it. */
function isEdited(c: Control) {
	if (c instanceof HTMLSelectElement) {
		// What the page rendered selected is in the `selected` attribute (defaultSelected).
		const rendered = (o: HTMLOptionElement) => o.hasAttribute('selected');
		if (c.multiple) return [...c.options].some((o) => o.selected !== rendered(o));
		const first = [...c.options].find(rendered) ?? c.options[0];
		return !!first && c.value !== first.value;
	}
	if (c instanceof HTMLInputElement) {
		if (c.type === 'hidden') return false;
		if (c.type === 'checkbox' || c.type === 'radio') return c.checked !== c.defaultChecked;
	}
	return c.value !== c.defaultValue;
}

function copyValue(from: Control, to: Control) {
	if (
		from instanceof HTMLInputElement &&
		to instanceof HTMLInputElement &&
		/^(checkbox|radio)$/.test(from.type)
	) {
		to.checked = from.checked;
	} else if (to instanceof HTMLSelectElement) {
		if ([...to.options].some((o) => o.value === from.value)) to.value = from.value;
	} else {
		to.value = from.value;
	}
}

const byKey = <T extends Element>(list: Iterable<T>, key: (el: T) => string) => {
	const map = new Map<string, T>();
	for (const el of list) if (!map.has(key(el))) map.set(key(el), el);
	return map;
};

/**
 * Puts the freshly fetched screen `next` in place of `panel`, keeping what the facilitator is
 * doing: a control they changed and have not sent keeps its value (a select half-way through
 * choosing the groups, minutes typed for the timer), the control they are in stays the very
 * same element (caret and open list included), open sections stay open, and focus returns to
 * the same button or link. `sticky` controls count as changed (a refused form shows what was
 * chosen), and a refusal message stays until the next action loads a new page.
 */
export function swapScreen(panel: HTMLElement, next: HTMLElement, sticky?: WeakSet<Element>) {
	const doc = panel.ownerDocument;
	const active = doc.activeElement;
	const inPanel = !!active && active !== doc.body && panel.contains(active);
	const focusables = [...panel.querySelectorAll(SCREEN_PARTS.focusable)];
	const focusIndex = inPanel ? focusables.indexOf(active!) : -1;
	let caret: [number, number] | null = null;
	if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) {
		try {
			const { selectionStart: from, selectionEnd: to } = active;
			if (from !== null && to !== null) caret = [from, to];
		} catch {
			// Number inputs have no caret.
		}
	}

	const fresh = byKey(next.querySelectorAll<Control>(SCREEN_PARTS.controls), controlKey);
	for (const old of panel.querySelectorAll<Control>(SCREEN_PARTS.controls)) {
		const now = fresh.get(controlKey(old));
		if (!now) continue;
		if (old === active) now.replaceWith(old);
		else if (sticky?.has(old) || isEdited(old)) copyValue(old, now);
	}
	const open = new Set(
		[...panel.querySelectorAll('details')]
			.filter((d) => d.open)
			.map((d) => d.querySelector('summary')?.textContent?.trim())
	);
	for (const d of next.querySelectorAll('details')) {
		if (open.has(d.querySelector('summary')?.textContent?.trim())) d.open = true;
	}
	const refusal = panel.querySelector(`#${SCREEN_IDS.refusal}`);
	const emptyRefusal = next.querySelector(`#${SCREEN_IDS.refusal}`);
	if (refusal?.textContent?.trim() && emptyRefusal && !emptyRefusal.textContent?.trim()) {
		emptyRefusal.replaceWith(refusal);
	}

	for (const [k, v] of Object.entries(next.dataset)) panel.dataset[k] = v;
	panel.replaceChildren(...[...next.childNodes].map((n) => doc.adoptNode(n)));

	if (!inPanel || doc.activeElement === active) return;
	// Moving the control the facilitator is in took focus away: give it back where it was.
	if (panel.contains(active)) {
		(active as HTMLElement).focus({ preventScroll: true });
		if (caret && (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement)) {
			try {
				active.setSelectionRange(caret[0], caret[1]);
			} catch {
				// Number inputs have no caret to restore.
			}
		}
		return;
	}
	const key = focusKey(active!);
	const now = [...panel.querySelectorAll(SCREEN_PARTS.focusable)];
	const again =
		now.find((el) => focusKey(el) === key) ?? (focusIndex >= 0 ? now[focusIndex] : null);
	if (again instanceof HTMLElement) again.focus({ preventScroll: true });
}
