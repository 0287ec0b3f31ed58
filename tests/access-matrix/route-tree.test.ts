import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
	actionNames,
	checkCompleteness,
	completenessMessage,
	endpointMethods,
	readRouteTree
} from './route-tree.ts';
import { MATRIX, ROLES } from './matrix.ts';

const keys = (dir?: string) => readRouteTree(dir).map((t) => t.key);

describe('the access matrix covers the route tree', () => {
	it('has a row for every page, form action and endpoint method, and none for a route that is gone', () => {
		const c = checkCompleteness(keys(), MATRIX);
		expect(completenessMessage(c)).toBe('');
		expect(keys().length).toBeGreaterThan(100);
	});

	it('names every role in every row', () => {
		for (const row of MATRIX) expect(Object.keys(row.expect).sort()).toEqual([...ROLES].sort());
	});
});

describe('the completeness check', () => {
	const dir = mkdtempSync(join(tmpdir(), 'matrix-routes-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('fails when a route is added without a row, naming its page, action and method', () => {
		const routes = join(dir, 'added');
		cpSync('src/routes', routes, { recursive: true });
		mkdirSync(join(routes, 'admin', 'audit-log', 'export.csv'), { recursive: true });
		writeFileSync(join(routes, 'admin', 'audit-log', '+page.svelte'), '<h1>Audit log</h1>\n');
		writeFileSync(
			join(routes, 'admin', 'audit-log', '+page.server.ts'),
			'export const load = () => ({});\nexport const actions = { prune: async () => ({}) };\n'
		);
		writeFileSync(
			join(routes, 'admin', 'audit-log', 'export.csv', '+server.ts'),
			'export const GET = () => new Response("");\n'
		);
		const c = checkCompleteness(keys(routes), MATRIX);
		expect(c.missing).toEqual([
			'GET /admin/audit-log',
			'GET /admin/audit-log/export.csv',
			'POST /admin/audit-log?/prune'
		]);
		expect(completenessMessage(c)).toContain(
			'no row for GET /admin/audit-log (add it to tests/access-matrix/matrix.ts)'
		);
	});

	it('fails when a row names a route, action or method that no longer exists', () => {
		const routes = join(dir, 'removed');
		cpSync('src/routes', routes, { recursive: true });
		rmSync(join(routes, 'cohorts', '[id]', 'roster.csv'), { recursive: true });
		const c = checkCompleteness(keys(routes), MATRIX);
		expect(c.stale).toEqual(['GET /cohorts/[id]/roster.csv']);
		expect(completenessMessage(c)).toContain(
			'a row for GET /cohorts/[id]/roster.csv, which the route tree no longer has'
		);
	});

	it('fails on two rows for the same target and variant', () => {
		const c = checkCompleteness(['GET /'], [{ target: 'GET /' }, { target: 'GET /' }]);
		expect(c.duplicates).toEqual(['GET /']);
	});

	it('reads action names through `satisfies` and quoted names, and the methods an endpoint exports', () => {
		expect(
			actionNames(
				"export const actions = { default: async () => ({}), 'two-words': async () => ({}) } satisfies Actions;"
			)
		).toEqual(['default', 'two-words']);
		expect(actionNames('export const load = () => ({});')).toEqual([]);
		expect(
			endpointMethods(
				'export async function GET() {}\nexport const POST = () => {};\nconst d = () => {};\nexport { d as DELETE };\nexport const helper = 1;'
			)
		).toEqual(['GET', 'POST', 'DELETE']);
	});
});
