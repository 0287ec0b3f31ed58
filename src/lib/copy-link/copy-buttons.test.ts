// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { offerCopyButtons } from './copy-buttons.ts';

const page = `<code id="link">https://trellis.example/live/s1</code>
	<button type="button" hidden data-copy="link" data-status="link-status"
		data-copied="Copied." data-selected="Selected: press Ctrl+C.">Copy the link</button>
	<span id="link-status" role="status"></span>`;

beforeEach(() => {
	vi.useFakeTimers();
	document.body.innerHTML = page;
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe(offerCopyButtons.name, () => {
	it('shows the button, copies the link and says so', async () => {
		const writeText = vi.fn(async () => {});
		vi.stubGlobal('navigator', { clipboard: { writeText } });
		offerCopyButtons(document);
		const button = document.querySelector('button')!;
		expect(button.hidden).toBe(false);
		button.click();
		await vi.runAllTimersAsync();
		expect(writeText).toHaveBeenCalledWith('https://trellis.example/live/s1');
		expect(document.getElementById('link-status')!.textContent).toBe('Copied.');
	});

	it('without a clipboard, selects the link for the person to copy', async () => {
		vi.stubGlobal('navigator', {});
		offerCopyButtons(document);
		document.querySelector('button')!.click();
		await vi.runAllTimersAsync();
		expect(document.getSelection()?.toString()).toBe('https://trellis.example/live/s1');
		expect(document.getElementById('link-status')!.textContent).toBe('Selected: press Ctrl+C.');
	});
});
