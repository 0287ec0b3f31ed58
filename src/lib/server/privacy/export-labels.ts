import * as m from '#lib/paraglide/messages.js';
import type { AuditAction } from '../audit/audit-actions.ts';

/*
 * Words for the export's "who accessed my data" page. The lead's audit pages may bring their
 * own labels for the same actions; at merge one of the two lists should go.
 */
const actions: Record<AuditAction, () => string> = {
	'read-access-needs': m.export_action_read_access_needs,
	'read-background': m.export_action_read_background,
	'open-shared-entry': m.export_action_open_shared_entry,
	'export-personal-data': m.export_action_export_personal_data,
	'export-roster': m.export_action_export_roster,
	'export-attendance': m.export_action_export_attendance,
	'export-report': m.export_action_export_report,
	'change-role': m.export_action_change_role,
	'erase-account': m.export_action_erase_account,
	'revoke-certificate': m.export_action_revoke_certificate,
	'change-retention': m.export_action_change_retention,
	'retention-delete': m.export_action_retention_delete
};
export const auditActionLabel = (a: string) => actions[a as AuditAction]?.() ?? a;

export function roleLabel(role: string): string {
	if (role === 'admin') return m.role_admin();
	if (role === 'facilitator') return m.role_facilitator();
	if (role === 'participant') return m.role_participant();
	return m.export_actor_system();
}
