import { fetchTransport, outbox, workbookStore, type OutboxItem } from './workbook-drafts.ts';

/*
 * The workbook pages' script: forms marked data-workbook-form save as the person types (see
 * workbook-drafts.ts). The page works the same without it.
 */
const root = document.querySelector<HTMLElement>('[data-workbook]');
const signOut = document.querySelector<HTMLFormElement>('form[action="/sign-out"]');
const store = workbookStore();

function fieldsOf(form: HTMLFormElement): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of new FormData(form).entries()) {
		if (typeof v === 'string' && !['id', 'kind', 'base'].includes(k)) out[k] = v;
	}
	return out;
}

function setFields(form: HTMLFormElement, fields: Record<string, string>) {
	for (const [k, v] of Object.entries(fields)) {
		const el = form.elements.namedItem(k);
		if (el instanceof HTMLInputElement && el.type === 'checkbox') {
			el.checked = v === 'yes' || v === 'on';
		} else if (
			el instanceof HTMLInputElement ||
			el instanceof HTMLTextAreaElement ||
			el instanceof HTMLSelectElement
		) {
			el.value = v;
		}
	}
}

if (root) {
	const user = root.dataset.user ?? '';
	const cohort = root.dataset.cohort ?? '';
	const text = (k: string) => root.dataset[k] ?? '';
	const forms = [...document.querySelectorAll<HTMLFormElement>('form[data-workbook-form]')];
	const byId = new Map<string, HTMLFormElement>();
	const idOf = (f: HTMLFormElement) => f.dataset.entry ?? '';
	for (const f of forms) byId.set(idOf(f), f);
	const status = (f: HTMLFormElement | undefined, t: string) => {
		const s = f?.querySelector<HTMLElement>('[data-draft-status]');
		if (s) s.textContent = t;
	};
	const conflict = document.querySelector<HTMLElement>('[data-workbook-conflict]');
	let pendingSubmit: HTMLFormElement | null = null;

	const box = outbox(store, fetchTransport, {
		saved(item, version) {
			const f = byId.get(item.id);
			if (!f) return;
			f.dataset.base = String(version);
			status(f, text('saved'));
			if (pendingSubmit === f) location.assign(f.dataset.after ?? location.pathname);
		},
		waiting(item) {
			status(byId.get(item.id), text('offline'));
		},
		invalid(item) {
			const f = byId.get(item.id);
			status(f, text('invalid'));
			// The server shows what to correct, field by field.
			if (f && pendingSubmit === f) HTMLFormElement.prototype.submit.call(f);
		},
		stale(item, theirs, version) {
			const f = byId.get(item.id);
			if (!f || !conflict) {
				// Nothing on this page to choose with: keep both, never lose the text.
				void box.put({ ...item, id: crypto.randomUUID(), base: null });
				return;
			}
			pendingSubmit = null;
			const show = (sel: string, fields: Record<string, string>) => {
				const el = conflict.querySelector<HTMLElement>(sel);
				if (el) el.textContent = Object.values(fields).filter(Boolean).join('\n');
			};
			show('[data-version="mine"]', item.fields);
			show('[data-version="theirs"]', theirs);
			conflict.hidden = false;
			conflict.querySelector<HTMLElement>('h2')?.focus();
			const choose = (how: string) => {
				conflict.hidden = true;
				f.dataset.base = String(version);
				if (how === 'mine') void box.put({ ...item, base: version });
				if (how === 'theirs') setFields(f, theirs);
				if (how === 'both') {
					setFields(f, theirs);
					void box.put({ ...item, id: crypto.randomUUID(), base: null });
				}
			};
			for (const b of conflict.querySelectorAll<HTMLButtonElement>('button[data-keep]')) {
				b.onclick = () => choose(b.dataset.keep ?? 'theirs');
			}
		}
	});

	const queue = (f: HTMLFormElement) => {
		const item: OutboxItem = {
			id: idOf(f),
			user,
			cohort,
			session: Number(f.dataset.session),
			kind: f.dataset.kind ?? '',
			base: f.dataset.base ? Number(f.dataset.base) : null,
			fields: fieldsOf(f)
		};
		return box.put(item);
	};
	for (const f of forms) {
		let timer: ReturnType<typeof setTimeout> | undefined;
		const later = () => {
			clearTimeout(timer);
			timer = setTimeout(() => void queue(f), 600);
		};
		f.addEventListener('input', later);
		f.addEventListener('change', later);
		f.addEventListener('submit', (e) => {
			e.preventDefault();
			clearTimeout(timer);
			pendingSubmit = f;
			void queue(f);
		});
	}
	void box.forget(user).then(() => box.flush());
	addEventListener('online', () => void box.flush());
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') void box.flush();
	});
}

// Signing out empties this browser's outbox before the form is sent.
signOut?.addEventListener('submit', (e) => {
	e.preventDefault();
	void Promise.race([
		outbox(store, fetchTransport, { saved() {}, waiting() {}, invalid() {}, stale() {} }).clear(),
		new Promise((r) => setTimeout(r, 1000))
	]).finally(() => HTMLFormElement.prototype.submit.call(signOut));
});
