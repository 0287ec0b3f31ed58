import type { Auth } from '../auth/auth.ts';
import type { Db } from '../db/client.ts';
import { createAccount } from '../accounts/create-account.ts';
import { addMembership } from '../accounts/users.queries.ts';
import type { OrgRole } from '../db/schema/index.ts';

export const DEMO_PASSWORD = 'recovery-demo-2026';
export const DEMO_ADMIN_EMAIL = 'admin@example.org';

type DemoPerson = {
	email: string;
	name: string;
	locale: string;
	timeZone: string;
	/** Which country's crisis lines they see; Mira's is left for her to give on her profile. */
	country?: string;
	pronouns?: string;
	roles: OrgRole[];
	peerTrainer?: boolean;
};

/* Fictional people: pseudonyms, example.org addresses, a mix of languages and time zones. */
export const DEMO_PEOPLE: DemoPerson[] = [
	{
		email: DEMO_ADMIN_EMAIL,
		name: 'Alex Morgan',
		locale: 'en',
		timeZone: 'Europe/Amsterdam',
		country: 'NL',
		pronouns: 'they/them',
		roles: ['admin']
	},
	{
		email: 'dana@example.org',
		name: 'Dana Novák',
		locale: 'cs',
		timeZone: 'Europe/Prague',
		country: 'CZ',
		pronouns: 'she/her',
		roles: ['facilitator']
	},
	{
		email: 'sam@example.org',
		name: 'Sam Rivera',
		locale: 'en',
		timeZone: 'Europe/Amsterdam',
		country: 'NL',
		roles: ['facilitator'],
		peerTrainer: true
	},
	{
		email: 'jana@example.org',
		name: 'Jana',
		locale: 'cs',
		timeZone: 'Europe/Prague',
		country: 'CZ',
		roles: ['participant']
	},
	{
		email: 'olena@example.org',
		name: 'Olena',
		locale: 'uk',
		timeZone: 'Europe/Kyiv',
		country: 'UA',
		pronouns: 'вона',
		roles: ['participant']
	},
	{
		email: 'petr@example.org',
		name: 'Petr K.',
		locale: 'cs',
		timeZone: 'Europe/Prague',
		country: 'CZ',
		roles: ['participant']
	},
	{
		email: 'mira@example.org',
		name: 'Mira',
		locale: 'en',
		timeZone: 'Europe/London',
		roles: ['participant']
	},
	{
		email: 'taras@example.org',
		name: 'Taras',
		locale: 'uk',
		timeZone: 'Europe/Kyiv',
		country: 'UA',
		roles: ['participant']
	},
	{
		email: 'robin@example.org',
		name: 'Robin (pseudonym)',
		locale: 'en',
		timeZone: 'Europe/Amsterdam',
		country: 'NL',
		roles: ['participant']
	}
];

/**
 * Seeds the demo organisation's people and returns their user ids by email. Only called on
 * an empty database outside production.
 */
export async function seedDemo(db: Db, auth: Auth, organisationId: string) {
	// Everyone in the demo shares one password: hash it once (each hash takes a noticeable
	// fraction of a second on purpose, and the first start should be quick).
	const passwordHash = await (await auth.$context).password.hash(DEMO_PASSWORD);
	const ids = new Map<string, string>();
	for (const p of DEMO_PEOPLE) {
		const { id } = await createAccount(auth, { ...p, password: DEMO_PASSWORD, passwordHash });
		for (const role of p.roles) {
			await addMembership(db, { organisationId, userId: id, role, peerTrainer: p.peerTrainer });
		}
		ids.set(p.email, id);
	}
	return ids;
}
