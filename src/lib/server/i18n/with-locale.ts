import { AsyncLocalStorage } from 'node:async_hooks';
import {
	getServerAsyncLocalStorage,
	overwriteServerAsyncLocalStorage
} from '#lib/paraglide/runtime.js';
import type { Locale } from './locale.ts';

/**
 * Runs `fn` with Paraglide's messages in `locale`, outside any request: for what the server
 * renders on its own, such as the live panel it sends down the event stream (ADR 025).
 * Requests set the locale through the middleware in hooks.server.ts; this uses the same
 * store, creating it when no request has yet.
 */
export function withLocale<T>(locale: Locale, fn: () => T): T {
	let store = getServerAsyncLocalStorage();
	if (!store) {
		store = new AsyncLocalStorage();
		overwriteServerAsyncLocalStorage(store);
	}
	return store.run({ locale, origin: 'http://localhost', messageCalls: new Set<string>() }, fn);
}
