/**
 * What the audit records (issue #16). Reads are deduplicated per actor, subject, target and
 * day; everything else is one row per act. The list is closed so that the person's own view
 * and the admins' log can name each action in every language.
 */
export const AUDIT_ACTIONS = [
	// Reads of special-category data by someone other than the person.
	'read-access-needs',
	'read-background',
	// A facilitator or co-participant opened an entry the person shared from their workbook.
	'open-shared-entry',
	// Exports that contain the person's data: their own download, rosters, attendance, reports.
	'export-personal-data',
	'export-roster',
	'export-attendance',
	'export-report',
	// Changes.
	'change-role',
	'erase-account',
	// An admin removed another member's authenticator app and passkeys (ADR 029).
	'reset-second-factor',
	'revoke-certificate',
	'change-retention',
	'retention-delete'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Reads are deduplicated per day; the rest are not. */
export const READ_ACTIONS: ReadonlySet<AuditAction> = new Set([
	'read-access-needs',
	'read-background',
	'open-shared-entry'
]);

export function isAuditAction(s: string): s is AuditAction {
	return (AUDIT_ACTIONS as readonly string[]).includes(s);
}
