/*
 * Copy buttons for links people pass on (copy-link.ts is the script's entry). Each link is
 * shown as text anyone can select, so the page works without this script; with it, the
 * button next to the link (rendered hidden) appears and copies it, and a status line says so.
 * Where the clipboard is refused (an older browser, a page not served securely), the link's
 * text is selected instead and the status line says to copy it.
 */
export function offerCopyButtons(doc: Document) {
	for (const button of doc.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
		const source = doc.getElementById(button.dataset.copy ?? '');
		const status = doc.getElementById(button.dataset.status ?? '');
		if (!source) continue;
		button.hidden = false;
		button.addEventListener('click', () => {
			const say = (text: string) => {
				if (!status) return;
				// Emptied first, so that copying twice is announced twice.
				status.textContent = '';
				setTimeout(() => (status.textContent = text), 50);
			};
			const selectIt = () => {
				const range = doc.createRange();
				range.selectNodeContents(source);
				const selection = doc.getSelection();
				selection?.removeAllRanges();
				selection?.addRange(range);
				say(button.dataset.selected ?? '');
			};
			const clipboard = doc.defaultView?.navigator.clipboard;
			if (!clipboard?.writeText) return selectIt();
			clipboard
				.writeText(source.textContent?.trim() ?? '')
				.then(() => say(button.dataset.copied ?? ''), selectIt);
		});
	}
}
