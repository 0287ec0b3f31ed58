import type { RequestEvent } from '@sveltejs/kit';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { createAuth } from '../auth/auth.ts';

/**
 * Test support: an auth instance whose cookies land in a "browser" (a cookie jar), as the
 * SvelteKit cookie plugin puts them on a real response. `use(browser)` chooses whose request
 * the next auth call is; `browser.headers()` is what that browser would send.
 */
export function authWithBrowsers(db: Db, cfg: Config) {
	let current: TestBrowser | undefined;
	const auth = createAuth(db, cfg, {
		getRequestEvent: () =>
			({
				cookies: {
					set: (name: string, value: string, opts: { maxAge?: number }) =>
						current?.setCookie(name, value, opts?.maxAge)
				}
			}) as unknown as RequestEvent
	});
	return {
		auth,
		browser(ip = '192.0.2.1') {
			return new TestBrowser(ip, (b) => (current = b));
		}
	};
}

export class TestBrowser {
	readonly jar = new Map<string, string>();
	constructor(
		readonly ip: string,
		private readonly select: (b: TestBrowser) => void
	) {}
	setCookie(name: string, value: string, maxAge?: number) {
		if (!value || maxAge === 0) this.jar.delete(name);
		else this.jar.set(name, value);
	}
	/** The headers of this browser's next request, and it becomes the one cookies go to. */
	headers(): Headers {
		this.select(this);
		const cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
		return new Headers({
			...(cookie ? { cookie } : {}),
			'x-trellis-client-ip': this.ip,
			'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36'
		});
	}
}
