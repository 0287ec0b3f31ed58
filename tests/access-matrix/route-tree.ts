import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/*
 * What the app answers, read from the route tree the way SvelteKit reads it: every page
 * (a folder with +page.svelte, +page.ts or +page.server.ts) answers GET, every form action of
 * its +page.server.ts answers POST, and a +server.ts answers the HTTP methods it exports.
 * Each is named by a key such as `GET /cohorts/[id]/workbook`,
 * `POST /cohorts/[id]/workbook?/reminder` (a named action; the default action has no `?/`)
 * or `GET /cohorts/[id]/roster.csv`. The access matrix has one row per key.
 */

export type RouteTarget = {
	key: string;
	/** The route id as SvelteKit names it, e.g. `/cohorts/[id]/workbook`. */
	route: string;
	method: string;
	kind: 'page' | 'action' | 'endpoint';
	/** The action's name; `default` for the default action. */
	action?: string;
};

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'fallback'];

export function targetKey(method: string, route: string, action?: string): string {
	return `${method} ${route}${action && action !== 'default' ? `?/${action}` : ''}`;
}

/** The names a module exports (declarations, `export const`, and `export { a as B }`). */
function exportedNames(source: ts.SourceFile): Map<string, ts.Node> {
	const names = new Map<string, ts.Node>();
	const exported = (n: ts.Node) =>
		ts.canHaveModifiers(n) &&
		!!ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
	for (const st of source.statements) {
		if (ts.isFunctionDeclaration(st) && st.name && exported(st)) names.set(st.name.text, st);
		if (ts.isVariableStatement(st) && exported(st)) {
			for (const d of st.declarationList.declarations) {
				if (ts.isIdentifier(d.name)) names.set(d.name.text, d.initializer ?? d);
			}
		}
		if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
			for (const e of st.exportClause.elements) names.set(e.name.text, e);
		}
	}
	return names;
}

/** The property names of `export const actions = { … }` (through `satisfies`/`as`). */
export function actionNames(code: string, file = 'page.server.ts'): string[] {
	const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
	let node = exportedNames(source).get('actions');
	if (!node) return [];
	while (node && (ts.isSatisfiesExpression(node) || ts.isAsExpression(node))) {
		node = node.expression;
	}
	if (!node || !ts.isObjectLiteralExpression(node)) {
		throw new Error(`${file}: actions is not an object literal; the access matrix cannot read it`);
	}
	return node.properties.map((p) => {
		if (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return p.name.text;
		throw new Error(`${file}: an action with a computed name; the access matrix cannot read it`);
	});
}

/** The HTTP methods a +server.ts exports. */
export function endpointMethods(code: string, file = 'server.ts'): string[] {
	const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
	const names = exportedNames(source);
	return METHODS.filter((m) => names.has(m));
}

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((f) => {
		const p = join(dir, f);
		return statSync(p).isDirectory() ? walk(p) : [p];
	});
}

/** Every page, action and endpoint method under `routesDir`, sorted by key. */
export function readRouteTree(routesDir = 'src/routes'): RouteTarget[] {
	const byFolder = new Map<string, string[]>();
	for (const file of walk(routesDir)) {
		const folder = relative(routesDir, file).split(sep).slice(0, -1).join('/');
		byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
	}
	const targets: RouteTarget[] = [];
	for (const [folder, files] of byFolder) {
		const route = `/${folder}`;
		const named = (n: string) => files.find((f) => f.endsWith(`${sep}${n}`));
		if (named('+page.svelte') || named('+page.ts') || named('+page.server.ts')) {
			targets.push({ key: targetKey('GET', route), route, method: 'GET', kind: 'page' });
		}
		const pageServer = named('+page.server.ts');
		if (pageServer) {
			for (const action of actionNames(readFileSync(pageServer, 'utf8'), pageServer)) {
				targets.push({
					key: targetKey('POST', route, action),
					route,
					method: 'POST',
					kind: 'action',
					action
				});
			}
		}
		const server = named('+server.ts');
		if (server) {
			for (const method of endpointMethods(readFileSync(server, 'utf8'), server)) {
				targets.push({ key: targetKey(method, route), route, method, kind: 'endpoint' });
			}
		}
	}
	return targets.sort((a, b) => a.key.localeCompare(b.key));
}

export type Completeness = { missing: string[]; stale: string[]; duplicates: string[] };

/**
 * Which targets have no row (missing), which rows name no target (stale: the route, action or
 * method is gone or renamed) and which rows appear twice (same target and variant).
 */
export function checkCompleteness(
	targets: string[],
	rows: { target: string; variant?: string }[]
): Completeness {
	const have = new Set(rows.map((r) => r.target));
	const exist = new Set(targets);
	const seen = new Set<string>();
	const duplicates: string[] = [];
	for (const r of rows) {
		const name = r.variant ? `${r.target} (${r.variant})` : r.target;
		if (seen.has(name)) duplicates.push(name);
		seen.add(name);
	}
	return {
		missing: targets.filter((t) => !have.has(t)),
		stale: [...have].filter((r) => !exist.has(r)),
		duplicates
	};
}

/** One message naming every problem, or '' when the table covers the tree exactly. */
export function completenessMessage(c: Completeness): string {
	const lines = [
		...c.missing.map((k) => `no row for ${k} (add it to tests/access-matrix/matrix.ts)`),
		...c.stale.map((k) => `a row for ${k}, which the route tree no longer has`),
		...c.duplicates.map((k) => `more than one row for ${k}`)
	];
	return lines.length
		? `The access matrix does not match the routes:\n  ${lines.join('\n  ')}`
		: '';
}
