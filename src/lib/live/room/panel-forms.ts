import { ROOM_IDS } from './room-elements.ts';
import { PAGE_REQUEST, panelOf, type createResponseOrder } from './panel-requests.ts';

/**
 * Sends the panel's forms (answer, pass, "I need a moment", audio first) with fetch and
 * shows the page that comes back, so an embedded video call keeps running. Without
 * JavaScript they are ordinary posts. Forms that open elsewhere (`target`) or only read
 * (`get`) are left to the browser.
 */
export function sendPanelFormsInPlace(
	panel: HTMLElement,
	deps: {
		order: ReturnType<typeof createResponseOrder>;
		show: (next: HTMLElement, keepForm: boolean) => void;
		leave: () => void;
		onFailure: () => void;
		/** The response came back after a newer panel was shown. */
		late?: (next: HTMLElement) => void;
	}
) {
	panel.ownerDocument.addEventListener('submit', (e) => {
		const form = e.target;
		if (!(form instanceof HTMLFormElement) || !panel.contains(form)) return;
		if (form.target || form.method.toLowerCase() !== 'post') return;
		e.preventDefault();
		const submitter = e.submitter;
		const body = new FormData(form);
		if (
			(submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement) &&
			submitter.name
		) {
			body.append(submitter.name, submitter.value);
		}
		const buttons = form.querySelectorAll('button');
		for (const b of buttons) b.disabled = true;
		const n = deps.order.ticket();
		fetch(form.action, { ...PAGE_REQUEST, method: 'POST', body })
			.then(async (r) => {
				const next = panelOf(await r.text(), ROOM_IDS.panel);
				if (!next) return deps.leave();
				if (r.redirected) history.replaceState(null, '', r.url);
				// The form that was sent is replaced (its thanks or its messages show); a form
				// someone is typing in elsewhere in the panel is kept.
				if (deps.order.isNewest(n)) deps.show(next, !form.hasAttribute('data-keep'));
				else deps.late?.(next);
			})
			.catch(() => {
				for (const b of buttons) b.disabled = false;
				deps.onFailure();
			});
	});
}
