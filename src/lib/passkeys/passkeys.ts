/*
 * The passkeys script (ADR 029), on the sign-in page and the security page. Passkeys need
 * JavaScript (the browser's WebAuthn API), so their buttons are hidden in the HTML and shown
 * here only when the browser has WebAuthn; everything else on those pages works without it.
 * The ceremony goes straight to better-auth's passkey endpoints; the page gives the words.
 */
import {
	browserSupportsWebAuthn,
	startAuthentication,
	startRegistration
} from '@simplewebauthn/browser';

const API = '/api/auth/passkey';

async function json(res: Response) {
	if (!res.ok) throw new Error(`${res.status}`);
	return res.json();
}

function offerSignIn(section: HTMLElement) {
	const button = section.querySelector<HTMLButtonElement>('button');
	const error = section.querySelector<HTMLElement>('[data-passkey-error]');
	if (!button) return;
	section.hidden = false;
	button.addEventListener('click', async () => {
		button.disabled = true;
		if (error) error.hidden = true;
		try {
			const options = await json(await fetch(`${API}/generate-authenticate-options`));
			const response = await startAuthentication({ optionsJSON: options });
			await json(
				await fetch(`${API}/verify-authentication`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ response })
				})
			);
			location.assign(button.dataset.next || '/');
		} catch {
			if (error) error.hidden = false;
			button.disabled = false;
		}
	});
}

function offerRegistration(form: HTMLFormElement) {
	const error = form.querySelector<HTMLElement>('[data-passkey-error]');
	form.hidden = false;
	form.addEventListener('submit', async (e) => {
		e.preventDefault();
		const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
		const name = (new FormData(form).get('name') ?? '').toString().trim().slice(0, 60);
		if (submit) submit.disabled = true;
		if (error) error.hidden = true;
		try {
			const options = await json(await fetch(`${API}/generate-register-options`));
			const response = await startRegistration({ optionsJSON: options });
			await json(
				await fetch(`${API}/verify-registration`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ response, ...(name ? { name } : {}) })
				})
			);
			location.assign(form.dataset.done || location.pathname);
		} catch {
			if (error) error.hidden = false;
			if (submit) submit.disabled = false;
		}
	});
}

if (browserSupportsWebAuthn()) {
	const signIn = document.querySelector<HTMLElement>('[data-passkey-sign-in]');
	if (signIn) offerSignIn(signIn);
	const register = document.querySelector<HTMLFormElement>('[data-passkey-register]');
	if (register) offerRegistration(register);
}
