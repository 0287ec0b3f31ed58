import * as m from '#lib/paraglide/messages.js';

/*
 * The audit log's words, shared by the admins' log and each person's own view. The server
 * stores stable codes (src/lib/server/audit/audit-actions.ts); every language names them here.
 */
const ACTION_TEXT: Record<string, () => string> = {
	'read-access-needs': m.audit_action_read_access_needs,
	'read-background': m.audit_action_read_background,
	'open-shared-entry': m.audit_action_open_shared_entry,
	'export-personal-data': m.audit_action_export_personal_data,
	'export-roster': m.audit_action_export_roster,
	'export-attendance': m.audit_action_export_attendance,
	'export-report': m.audit_action_export_report,
	'change-role': m.audit_action_change_role,
	'erase-account': m.audit_action_erase_account,
	'reset-second-factor': m.audit_action_reset_second_factor,
	'revoke-certificate': m.audit_action_revoke_certificate,
	'change-retention': m.audit_action_change_retention,
	'retention-delete': m.audit_action_retention_delete
};

export function auditActionText(action: string): string {
	return ACTION_TEXT[action]?.() ?? action;
}

/** A role in the organisation, or the system's own actor, in words. */
export function auditRoleText(role: string): string {
	if (role === 'admin') return m.role_admin();
	if (role === 'facilitator') return m.role_facilitator();
	if (role === 'participant') return m.role_participant();
	if (role === 'system') return m.audit_system();
	return role;
}

/** "Name (role)", "Trellis (automatic)" for the system, or "a former member" once erased. */
export function auditActorText(e: { actorRole: string; actorName: string | null }): string {
	if (e.actorRole === 'system') return m.audit_system();
	if (!e.actorName) return m.audit_former_person();
	return m.audit_who_role({ name: e.actorName, role: auditRoleText(e.actorRole) });
}

/**
 * What the row was about, in words: the role added or removed, or the file's name. Ids of
 * workbook entries and certificate codes are not shown (they mean nothing to a reader).
 */
export function auditDetailText(e: { action: string; target: string | null }): string {
	if (!e.target) return '';
	if (e.action === 'change-role') {
		const [how, role] = e.target.split(':');
		return how === 'add'
			? m.audit_role_added({ role: auditRoleText(role) })
			: m.audit_role_removed({ role: auditRoleText(role) });
	}
	if (e.target.endsWith('.csv') || e.target.endsWith('.zip')) return e.target;
	return '';
}
