import * as m from '#lib/paraglide/messages.js';
import type { OrgRole } from '../db/schema/index.ts';

export function roleLabel(role: OrgRole, locale?: string): string {
	const o = locale ? { locale: locale as 'en' } : undefined;
	if (role === 'admin') return m.role_admin({}, o);
	if (role === 'facilitator') return m.role_facilitator({}, o);
	return m.role_participant({}, o);
}
