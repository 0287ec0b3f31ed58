import { describe, it } from 'vitest';
import { RuleTester } from 'eslint';
import ts from 'typescript-eslint';
import trellis from './trellis-layers.js';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({
	languageOptions: { parser: ts.parser, ecmaVersion: 2024, sourceType: 'module' }
});

describe('the layer rule', () => {
	tester.run('route-writes-through-use-cases', trellis.rules['route-writes-through-use-cases'], {
		valid: [
			// load may read through a query module
			`import { listMembers } from '#lib/server/accounts/users.queries.ts';
			 export const load = async () => ({ people: await listMembers(db, 'o') });`,
			// an action calls a use case
			`import { updateProfile } from '#lib/server/accounts/update-profile.ts';
			 export const actions = { default: async () => { await updateProfile(db, 'u', {}); } };`,
			// a GET endpoint may read
			`import { findEmail } from '#lib/server/email/outbox.queries.ts';
			 export async function GET() { return findEmail(db, 'x'); }`,
			// types are free
			`import type { Cohort } from '#lib/server/cohorts/cohorts.queries.ts';
			 export const actions = { a: async (c: Cohort) => c };`
		],
		invalid: [
			{
				code: `import { setUserLocale } from '#lib/server/accounts/users.queries.ts';
				 export const load = async () => setUserLocale(db, 'u', 'cs');`,
				errors: [{ messageId: 'writingQuery' }]
			},
			{
				code: `import { findUserById } from '#lib/server/accounts/users.queries.ts';
				 export const actions = { default: async () => { await findUserById(db, 'u'); } };`,
				errors: [{ messageId: 'queryInAction' }]
			},
			{
				code: `import { listMembers } from '../users.queries';
				 export async function POST() { return listMembers(db, 'o'); }`,
				errors: [{ messageId: 'queryInAction' }]
			}
		]
	});

	tester.run('query-names', trellis.rules['query-names'], {
		valid: [
			'export async function findCohort() {}',
			'export function listSessions() {}',
			'export const insertThing = async () => {};',
			'export const LIMIT = 5;'
		],
		invalid: [
			{ code: 'export async function cohortsOf() {}', errors: [{ messageId: 'verb' }] },
			{ code: 'export const getState = () => 1;', errors: [{ messageId: 'verb' }] }
		]
	});
});
