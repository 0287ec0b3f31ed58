import {
	DATA_CATEGORIES,
	NOT_PERSONAL,
	PERSONAL_DATA_INVENTORY,
	type ErasureRule
} from './personal-data-inventory.ts';

/*
 * docs/personal-data.md, generated from the inventory (`npm run privacy:docs`); a test fails
 * when the committed file differs. Prose that is not per column lives here, so the document
 * is written in one place.
 */

const RULES: Record<ErasureRule, string> = {
	'delete-row': 'the person’s rows are deleted',
	blank: 'the row stays for the group; the person’s words and the link to them are removed',
	unlink: 'the row stays as part of a count, with nothing that leads back to the person',
	'set-null':
		'the person is named as the one who acted on someone else’s data; the reference becomes null',
	'keep-unlinked': 'holds nothing that links to the person; stays in the group’s aggregate',
	'new-pseudonym': 'the pseudonym is replaced by a random one; the answers stay in the aggregate',
	'revoke-or-keep':
		'revoked and the name blanked, unless the person keeps the public verification; unlinked either way'
};

const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function renderPersonalDataDoc(): string {
	const out: string[] = [];
	out.push(
		'# Personal data inventory',
		'',
		'<!-- Generated from src/lib/server/privacy/personal-data-inventory.ts by `npm run privacy:docs`. Do not edit by hand: a test compares this file with the generated one. -->',
		'',
		'Every table and column that refers to a person: what it is for, who can see it, and how it is',
		'exported, erased and kept. The list is code ([ADR 026](decisions/026-personal-data-inventory-in-code-and-erasure.md)):',
		'a test fails when a column that refers to a person (a foreign key to `users` or `enrolments`, or',
		'a name such as `user_id`, `*_by`, `email`, `display_name`, `ip_address`) is missing from it, the',
		'erasure test checks each entry’s rule against the database, and the privacy notice’s table is',
		'made from the same list.',
		'',
		'## Categories',
		'',
		...DATA_CATEGORIES.map(
			(c) =>
				`- **${c}**: ${PERSONAL_DATA_INVENTORY.filter((e) => e.category === c)
					.map((e) => `\`${e.table}\``)
					.filter((t, i, a) => a.indexOf(t) === i)
					.join(', ')}`
		),
		'',
		'## Erasure rules',
		'',
		'What erasing an account (`src/lib/server/privacy/erase-account.ts`; by the person after',
		're-entering their password, or by an admin on request with a reason) does to each entry:',
		'',
		...Object.entries(RULES).map(([r, t]) => `- \`${r}\`: ${t}.`),
		'',
		'## Inventory',
		'',
		'| Table | Columns | Category | Purpose | Who can see it | Export | Erasure | Retention |',
		'|---|---|---|---|---|---|---|---|'
	);
	for (const e of PERSONAL_DATA_INVENTORY) {
		out.push(
			`| \`${e.table}\` | ${e.columns.map((c) => `\`${c}\``).join(', ')} | ${e.category} | ${cell(e.purpose)} | ${cell(e.visibleTo)} | ${e.export} | \`${e.erasure}\`: ${cell(e.erasureNote)} | ${cell(e.retention)} |`
		);
	}
	out.push(
		'',
		'## Not personal',
		'',
		'Tables and columns the coverage test would otherwise question:',
		'',
		'| Table | Columns | Why |',
		'|---|---|---|',
		...NOT_PERSONAL.map(
			(e) =>
				`| \`${e.table}\` | ${e.columns.map((c) => `\`${c}\``).join(', ') || '(all)'} | ${cell(e.why)} |`
		),
		'',
		'## Outside the database',
		'',
		'With JavaScript, the workbook pages keep unsent changes (entry text) in the browser’s',
		'IndexedDB (`trellis-workbook` / `outbox`) until they are sent; items are tagged with the user',
		'id, dropped unsent if another person signs in on that browser, and the outbox is emptied when',
		'the person signs out through the page. The JSON and PDF downloads are made on request and not',
		'stored. Backups (`npm run backup`) hold whatever the database held when they were made: an',
		'erasure does not reach into them, so they should be kept no longer than the shortest',
		'retention, and a restore is followed by repeating the erasures recorded in the audit log',
		'since the backup (`erase-account` rows).',
		''
	);
	return out.join('\n');
}
