import {
	expect,
	test,
	type Browser,
	type BrowserContext,
	type Locator,
	type Page,
	type Route
} from '@playwright/test';
import { decodeJwt } from 'jose';
import { expectAccessible, signInWithPassword } from './helpers.ts';
import { createSoonCohort, participant } from './live-fixtures.ts';

/*
 * The video room beside the live panel: Jitsi embedded through its IFrame API on request,
 * audio first, and the room opened beside. The Jitsi server is not ours, so the browser's
 * requests to it are answered here: its IFrame API by a stand-in that records how it was
 * called, its room page by an empty page. Nothing leaves the machine.
 */

const JITSI = 'https://meet.trellis.test';
const ROOM = 'spring-circle';

const FAKE_API = `
window.JitsiMeetExternalAPI = function (domain, options) {
	window.jitsiCalls = (window.jitsiCalls || []).concat([{ domain: domain, options: JSON.parse(JSON.stringify(Object.assign({}, options, { parentNode: undefined }))) }]);
	var frame = document.createElement('iframe');
	frame.src = 'about:blank';
	options.parentNode.appendChild(frame);
	this.getIFrame = function () { return frame; };
};`;

async function fakeJitsi(route: Route) {
	const url = new URL(route.request().url());
	if (url.pathname === '/external_api.js') {
		await route.fulfill({ contentType: 'text/javascript', body: FAKE_API });
	} else {
		await route.fulfill({ contentType: 'text/html', body: '<title>Jitsi</title>' });
	}
}

const jitsiSession = async (s1: Locator) => {
	// Session 1 gets a room of its own (the others keep the group's: none).
	await s1.getByText('Use a different video room for this session').click();
	await s1.getByLabel(/Session 1 uses the room below/).check();
	await s1.getByLabel('Video room').selectOption({ label: 'Jitsi Meet' });
	await s1.getByLabel('Video server or meeting link').fill(JITSI);
	await s1.getByLabel(/^Room name/).fill(ROOM);
	await s1.getByLabel(/^Secret/).fill('a-shared-app-secret-for-signed-links');
};
const routeJitsi = (ctx: BrowserContext) => ctx.route(`${JITSI}/**`, fakeJitsi);

/** Sam creates a group whose first session uses Jitsi; `email` takes a place and joins. */
async function inJitsiGroup(browser: Browser, page: Page, email: string, js: boolean) {
	await signInWithPassword(page, 'sam@example.org');
	const joinUrl = await createSoonCohort(page, `Video group ${Date.now()}`, {
		session1: jitsiSession
	});
	return participant(browser, email, joinUrl, js, routeJitsi);
}

type Call = { domain: string; options: Record<string, unknown> & { jwt?: string } };
const calls = (page: Page) =>
	page.evaluate(
		() => (window as unknown as { jitsiCalls?: unknown[] }).jitsiCalls ?? []
	) as Promise<Call[]>;

test('the Jitsi room is embedded on request through its IFrame API; audio first starts it without video', async ({
	browser,
	page
}) => {
	const { ctx, page: p } = await inJitsiGroup(browser, page, 'mira@example.org', true);

	// Camera and microphone are allowed for the configured video server only, here only.
	const res = await p.request.get(p.url());
	expect(res.headers()['permissions-policy']).toContain(`camera=(self "${JITSI}")`);
	const home = await p.request.get('/');
	expect(home.headers()['permissions-policy']).toContain('camera=()');
	// Likewise only that server's script may load and only its room may be framed.
	const csp = res.headers()['content-security-policy'];
	expect(csp).toMatch(new RegExp(`script-src 'self' [^;]*${JITSI}`));
	expect(csp).toContain(`frame-src ${JITSI}`);
	expect(csp).toContain("object-src 'none'");
	expect(home.headers()['content-security-policy']).toContain("frame-src 'none'");
	expect(home.headers()['x-trellis-video-origin']).toBeUndefined();
	expect(res.headers()['x-trellis-video-origin']).toBeUndefined();

	// Nothing is loaded from the video server until the person asks for it.
	expect(await calls(p)).toEqual([]);
	await expect(p.locator('iframe')).toHaveCount(0);
	await p.getByRole('button', { name: 'Show the video room here' }).click();
	await expect(p.locator('iframe[title="Video room of this session"]')).toHaveCount(1);
	const [first] = await calls(p);
	expect(first.domain).toBe('meet.trellis.test');
	expect(first.options).toMatchObject({
		roomName: ROOM,
		userInfo: { displayName: 'Mira' },
		configOverwrite: { startAudioOnly: false, startWithVideoMuted: false }
	});
	const claims = decodeJwt(first.options.jwt!);
	expect(claims).toMatchObject({ room: ROOM, moderator: false, aud: 'jitsi' });
	expect((claims.context as { user: { name: string } }).user.name).toBe('Mira');
	await expect(p.getByRole('button', { name: 'Show the video room here' })).toBeHidden();
	await expectAccessible(p);

	// Audio first, switched on with a form. The forms of the panel are sent without leaving
	// the page, so the call that is running goes on (the room was created once).
	const room = p.locator('iframe[title="Video room of this session"]');
	await p.getByRole('button', { name: 'Switch audio first on' }).click();
	await expect(
		p.getByText(/Audio first:\s*on\. The video room starts with your camera off/)
	).toBeVisible();
	await p.getByRole('button', { name: 'I need a moment' }).click();
	await expect(
		p
			.getByRole('region', { name: 'I need a moment' })
			.getByText('The facilitators have been told. Take your time.')
	).toBeVisible();
	await expect(room).toHaveCount(1);
	expect(await calls(p)).toHaveLength(1);
	// The next time the room is opened it starts audio-only, camera off.
	await p.reload();
	await p.getByRole('button', { name: 'Show the video room here' }).click();
	await expect(room).toHaveCount(1);
	const [again] = await calls(p);
	expect(again.options).toMatchObject({
		configOverwrite: { startAudioOnly: true, startWithVideoMuted: true }
	});

	// Opened beside instead: a signed link that carries the same audio-first settings.
	const [popup] = await Promise.all([
		p.waitForEvent('popup'),
		p.getByRole('button', { name: 'Open the video room' }).click()
	]);
	await popup.waitForURL(`${JITSI}/**`);
	const opened = new URL(popup.url());
	expect(opened.pathname).toBe(`/${ROOM}`);
	expect(decodeJwt(opened.searchParams.get('jwt')!)).toMatchObject({ room: ROOM });
	expect(opened.hash).toBe('#config.startAudioOnly=true&config.startWithVideoMuted=true');

	await p.getByRole('button', { name: 'Switch audio first off' }).click();
	await expect(p.getByText(/Audio first:\s*off\./)).toBeVisible();
	await ctx.close();
});

test('without JavaScript the video room opens beside the panel; nothing is embedded', async ({
	browser,
	page
}) => {
	const { ctx, page: p } = await inJitsiGroup(browser, page, 'robin@example.org', false);
	await expect(p.getByRole('button', { name: 'Show the video room here' })).toBeHidden();
	await p.getByRole('button', { name: 'Switch audio first on' }).click();
	await expect(p.getByText(/Audio first:\s*on\. The video room starts/)).toBeVisible();
	await ctx.close();
});
