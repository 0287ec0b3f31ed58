import { clear, createStore, del, entries, set, type UseStore } from 'idb-keyval';

/*
 * Drafts for the workbook's forms (workbook-page.ts is the script's entry). Without this script
 * every tool is a plain form. With it, what the person types is saved as they type: each change
 * waits in an outbox in IndexedDB (in this browser only, never the record) and is sent from
 * there, so nothing is lost when the connection drops; it is sent again when the connection
 * returns, when the tab becomes visible again, and on the next visit. Each save names the
 * version it was based on; if the entry was changed meanwhile, the page shows both versions and
 * the person chooses (keep mine, keep the other, keep both). The outbox holds one person's
 * items and is emptied on sign-out.
 */
export type OutboxItem = {
	id: string;
	user: string;
	cohort: string;
	session: number;
	kind: string;
	base: number | null;
	fields: Record<string, string>;
};

type Answer =
	| { status: 'saved'; version: number }
	| { status: 'offline' }
	| { status: 'invalid' }
	| { status: 'gone' }
	| {
			status: 'stale';
			mine: Record<string, string>;
			theirs: Record<string, string>;
			version: number;
	  };

export type Transport = (item: OutboxItem) => Promise<Answer>;

export const fetchTransport: Transport = async (item) => {
	let res: Response;
	try {
		res = await fetch(`/cohorts/${item.cohort}/workbook/drafts`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			credentials: 'same-origin',
			body: JSON.stringify({
				id: item.id,
				session: item.session,
				kind: item.kind,
				base: item.base,
				fields: item.fields
			})
		});
	} catch {
		return { status: 'offline' };
	}
	if (res.ok) {
		return { status: 'saved', version: ((await res.json()) as { version: number }).version };
	}
	if (res.status === 409) {
		const b = (await res.json()) as {
			mine: Record<string, string>;
			theirs: Record<string, string>;
			version: number;
		};
		return { status: 'stale', ...b };
	}
	if (res.status === 400) return { status: 'invalid' };
	if (res.status === 404 || res.status === 403 || res.status === 401) return { status: 'gone' };
	return { status: 'offline' };
};

export type Events = {
	saved(item: OutboxItem, version: number): void;
	waiting(item: OutboxItem): void;
	invalid(item: OutboxItem): void;
	stale(item: OutboxItem, theirs: Record<string, string>, version: number): void;
};

/** The outbox: a keyed store of the latest unsent change per entry, and its sender. */
export function outbox(store: UseStore, send: Transport, events: Events) {
	let running: Promise<void> | null = null;
	const flushOnce = async () => {
		for (const [, item] of (await entries<string, OutboxItem>(store)) ?? []) {
			const a = await send(item);
			if (a.status === 'offline') {
				events.waiting(item);
				return;
			}
			// Only drop what was sent: a newer change typed meanwhile stays queued.
			const current = (await entries<string, OutboxItem>(store)).find(([k]) => k === item.id)?.[1];
			const unchanged = current && JSON.stringify(current) === JSON.stringify(item);
			if (a.status === 'saved') {
				if (unchanged) await del(item.id, store);
				else if (current) await set(item.id, { ...current, base: a.version }, store);
				events.saved(item, a.version);
			} else if (a.status === 'stale') {
				await del(item.id, store);
				events.stale(item, a.theirs, a.version);
			} else {
				if (unchanged) await del(item.id, store);
				if (a.status === 'invalid') events.invalid(item);
			}
		}
	};
	const flush = async (): Promise<void> => {
		if (running) {
			await running;
			return flush();
		}
		running = flushOnce().finally(() => (running = null));
		return running;
	};
	return {
		async put(item: OutboxItem) {
			await set(item.id, item, store);
			await flush();
		},
		flush,
		/** Items left by someone else who used this browser are dropped, never sent. */
		async forget(user: string) {
			for (const [k, item] of await entries<string, OutboxItem>(store)) {
				if (item.user !== user) await del(k, store);
			}
		},
		clear: () => clear(store)
	};
}

export const workbookStore = () => createStore('trellis-workbook', 'outbox');
