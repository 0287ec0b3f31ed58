import { AsyncLocalStorage } from 'node:async_hooks';
import {
	getServerAsyncLocalStorage,
	overwriteServerAsyncLocalStorage
} from '#lib/paraglide/runtime.js';
import type { Locale } from './locale.ts';

/**
 * Runs `fn` with Paraglide's messages in `locale`: each request (hooks.server.ts), and what
 * the server renders on its own, such as the live panel it sends down the event stream
 * (ADR 025). One store for both, created by whichever comes first.
 */
export function withLocale<T>(locale: Locale, fn: () => T, origin = 'http://localhost'): T {
	let store = getServerAsyncLocalStorage();
	if (!store) {
		store = new AsyncLocalStorage();
		overwriteServerAsyncLocalStorage(store);
	}
	return store.run({ locale, origin, messageCalls: new Set<string>() }, fn);
}
