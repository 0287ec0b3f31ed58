import type { Cookies } from '@sveltejs/kit';

const COOKIE = 'trellis_audio_first';

/*
 * Audio first is a property of the device and its connection (a phone on a train, a slow
 * line at home), not of the person, so it lives in a cookie on that device.
 */
export function audioFirst(cookies: Cookies) {
	return cookies.get(COOKIE) === '1';
}

export function setAudioFirst(cookies: Cookies, url: URL, on: boolean) {
	cookies.set(COOKIE, on ? '1' : '0', {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 365 * 86_400
	});
}
