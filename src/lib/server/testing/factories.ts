import { randomBytes } from 'node:crypto';
import type { Auth } from '../auth/auth.ts';
import type { Db } from '../db/client.ts';
import { createAccount } from '../accounts/create-account.ts';
import { addMembership } from '../accounts/users.queries.ts';
import { insertOrganisation } from '../organisations/organisations.queries.ts';
import type { OrgRole } from '../db/schema/index.ts';

export const TEST_PASSWORD = 'a-long-test-password';

export function uniqueEmail(prefix = 'person'): string {
	return `${prefix}-${randomBytes(4).toString('hex')}@example.org`;
}

export async function makeOrganisation(db: Db, name = 'Test Recovery College') {
	return insertOrganisation(db, { slug: `org-${randomBytes(4).toString('hex')}`, name });
}

export async function makePerson(
	db: Db,
	auth: Auth,
	p: {
		organisationId: string;
		roles?: OrgRole[];
		email?: string;
		name?: string;
		locale?: string;
		country?: string | null;
	}
) {
	const email = p.email ?? uniqueEmail();
	const { id } = await createAccount(auth, {
		email,
		name: p.name ?? 'Test Person',
		password: TEST_PASSWORD,
		locale: p.locale ?? 'en',
		timeZone: 'Europe/Prague',
		country: p.country ?? null
	});
	for (const role of p.roles ?? ['participant']) {
		await addMembership(db, { organisationId: p.organisationId, userId: id, role });
	}
	return { id, email };
}
