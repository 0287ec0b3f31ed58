import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../db/schema/index.ts';
import {
	NOT_PERSONAL,
	NOTICE_PURPOSES,
	PERSONAL_DATA_INVENTORY
} from './personal-data-inventory.ts';
import { renderPersonalDataDoc } from './render-personal-data-doc.ts';
import { privacyNoticeRows } from './privacy-notice-rows.ts';

/*
 * A column refers to a person when it points at a person (a foreign key to users or to an
 * enrolment) or when its name says so. A new feature that adds one without an inventory entry
 * fails here, and so does an entry naming a column that no longer exists.
 */
const PERSONAL_NAME =
	/^(user_id|.*_by|actor_id|subject_id|viewer_id|secret_viewer|email|.*_address|name|display_name|.*_name|name_on_.*|pronouns|ip_address|user_agent|background|access_needs|pseudonym|identifier|phone)$/;
const PERSON_TABLES = new Set(['users', 'enrolments']);

const tables = (Object.values(schema) as unknown[])
	.filter((v): v is PgTable => v instanceof PgTable)
	.map((t) => getTableConfig(t));

function personalColumns() {
	const found: { table: string; column: string; why: string }[] = [];
	for (const t of tables) {
		const byFk = new Set<string>();
		for (const fk of t.foreignKeys) {
			const r = fk.reference();
			if (PERSON_TABLES.has(getTableConfig(r.foreignTable).name)) {
				for (const c of r.columns) byFk.add(c.name);
			}
		}
		for (const c of t.columns) {
			if (byFk.has(c.name)) found.push({ table: t.name, column: c.name, why: 'foreign key' });
			else if (PERSONAL_NAME.test(c.name)) {
				found.push({ table: t.name, column: c.name, why: 'name' });
			}
		}
	}
	return found;
}

const listed = (table: string, column: string) =>
	PERSONAL_DATA_INVENTORY.some((e) => e.table === table && e.columns.includes(column)) ||
	NOT_PERSONAL.some((e) => e.table === table && e.columns.includes(column));

describe('the personal data inventory', () => {
	it('lists every column that refers to a person, found by foreign key or by name', () => {
		const found = personalColumns();
		// The detector itself must see the obvious ones, or the test proves nothing.
		expect(found.map((f) => `${f.table}.${f.column}`)).toEqual(
			expect.arrayContaining([
				'enrolments.access_needs',
				'enrolments.background',
				'sessions.ip_address',
				'live_answers.enrolment_id',
				'workbook_entries.user_id',
				'audit_events.actor_id'
			])
		);
		const missing = found.filter((f) => !listed(f.table, f.column));
		expect(missing, 'add these to src/lib/server/privacy/personal-data-inventory.ts').toEqual([]);
	});

	it('names every table of the schema, as personal data or as not personal with a reason', () => {
		const named = new Set([
			...PERSONAL_DATA_INVENTORY.map((e) => e.table),
			...NOT_PERSONAL.map((e) => e.table)
		]);
		expect(tables.map((t) => t.name).filter((n) => !named.has(n))).toEqual([]);
	});

	it('names only tables and columns that exist', () => {
		const columns = new Map(tables.map((t) => [t.name, new Set(t.columns.map((c) => c.name))]));
		const wrong: string[] = [];
		for (const e of [...PERSONAL_DATA_INVENTORY, ...NOT_PERSONAL]) {
			const cols = columns.get(e.table);
			if (!cols) wrong.push(e.table);
			else for (const c of e.columns) if (!cols.has(c)) wrong.push(`${e.table}.${c}`);
			const link = 'link' in e ? e.link : undefined;
			if (cols && link && 'column' in link && !cols.has(link.column)) {
				wrong.push(`${e.table}.${link.column} (link)`);
			}
		}
		expect(wrong).toEqual([]);
	});

	it('lists each column of a table once', () => {
		const seen = new Set<string>();
		const twice: string[] = [];
		for (const e of PERSONAL_DATA_INVENTORY) {
			for (const c of e.columns) {
				const k = `${e.table}.${c}`;
				if (seen.has(k)) twice.push(k);
				seen.add(k);
			}
		}
		expect(twice).toEqual([]);
	});

	it('docs/personal-data.md is the one generated from it (npm run privacy:docs)', () => {
		expect(readFileSync('docs/personal-data.md', 'utf8')).toBe(renderPersonalDataDoc());
	});

	it('gives the privacy notice a row per purpose in every language, in that language', () => {
		for (const locale of ['en', 'cs', 'uk'] as const) {
			const rows = privacyNoticeRows(locale);
			expect(rows.map((r) => r.purpose)).toEqual([...NOTICE_PURPOSES]);
			for (const r of rows) {
				expect(r.categories.length).toBeGreaterThan(0);
				expect(r.purposeText).not.toBe('');
				expect(r.tables.length).toBeGreaterThan(0);
			}
		}
		const en = privacyNoticeRows('en');
		const cs = privacyNoticeRows('cs');
		expect(cs[0].purposeText).not.toBe(en[0].purposeText);
		expect(cs[0].categories[0].label).not.toBe(en[0].categories[0].label);
	});
});
