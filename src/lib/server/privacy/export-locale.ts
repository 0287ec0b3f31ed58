import { AsyncLocalStorage } from 'node:async_hooks';
import {
	getServerAsyncLocalStorage,
	overwriteServerAsyncLocalStorage
} from '#lib/paraglide/runtime.js';
import type { Locale } from '#lib/paraglide/runtime.js';

type Storage = NonNullable<ReturnType<typeof getServerAsyncLocalStorage>>;

/**
 * Runs `fn` with Paraglide's messages in `locale`, whatever the request's language: the
 * export is written in the person's own preferred language, and its label helpers read the
 * ambient locale. Outside a request (tests, scripts) the storage Paraglide's middleware would
 * have made is made here.
 */
export function inLocale<T>(locale: Locale, fn: () => Promise<T>): Promise<T> {
	let als = getServerAsyncLocalStorage();
	if (!als) {
		als = new AsyncLocalStorage() as unknown as Storage;
		overwriteServerAsyncLocalStorage(als);
	}
	const store = als.getStore();
	return als.run({ ...store, locale }, fn) as Promise<T>;
}
