/*
 * The layer rule of ARCHITECTURE.md, made mechanical: routes read through `*.queries.ts` only
 * in `load` (and GET handlers), and everything that writes goes through a use case; query
 * modules name what they do. `drizzle-orm` itself is fenced off with no-restricted-imports in
 * eslint.config.js; these rules cover what an import list alone cannot tell.
 */

const QUERY_MODULE = /\.queries(\.ts)?$/;
// What a route's load may call: functions that only read.
const READ_VERB = /^(find|list|count|is|has|ping)[A-Z]/;
// What a query function may be called: the verb says what it does to the data.
const QUERY_VERB =
	/^(find|list|count|is|has|ping|insert|update|upsert|delete|set|mark|lock|add|remove|notify|claim|cancel|revoke|reset|quote)([A-Z]|$)/;
// Handlers that change things: a form action, or a +server.ts endpoint for these methods.
const WRITING_EXPORTS = new Set(['actions', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** The name of the route export (actions, load, POST, …) a node sits in, if any. */
function enclosingExport(node) {
	for (let n = node; n; n = n.parent) {
		if (n.type !== 'ExportNamedDeclaration' || !n.declaration) continue;
		const d = n.declaration;
		if (d.type === 'FunctionDeclaration') return d.id?.name;
		if (d.type === 'VariableDeclaration') return d.declarations[0]?.id?.name;
	}
	return undefined;
}

const routeWritesThroughUseCases = {
	meta: {
		type: 'problem',
		docs: {
			description: 'Routes read through queries only in load; writes go through a use case.'
		},
		messages: {
			writingQuery:
				"'{{name}}' writes: a route calls the use case that owns this change (src/lib/server/<area>/<verb-noun>.ts).",
			queryInAction:
				"'{{name}}' is a query: a form action or writing endpoint calls a use case, which reads and writes for it."
		},
		schema: []
	},
	create(context) {
		return {
			ImportDeclaration(node) {
				if (node.importKind === 'type' || !QUERY_MODULE.test(node.source.value)) return;
				for (const spec of node.specifiers) {
					if (spec.type !== 'ImportSpecifier' || spec.importKind === 'type') continue;
					const name = spec.imported.name;
					if (!READ_VERB.test(name)) {
						context.report({ node: spec, messageId: 'writingQuery', data: { name } });
						continue;
					}
					const [variable] = context.sourceCode.getDeclaredVariables(spec);
					for (const ref of variable?.references ?? []) {
						if (WRITING_EXPORTS.has(enclosingExport(ref.identifier))) {
							context.report({ node: ref.identifier, messageId: 'queryInAction', data: { name } });
						}
					}
				}
			}
		};
	}
};

const queryNames = {
	meta: {
		type: 'suggestion',
		docs: {
			description: 'Exported query functions start with what they do (find…, list…, insert…).'
		},
		messages: {
			verb: "Query function '{{name}}' should start with what it does: find…, list…, count…, insert…, update…, set…, mark…, delete…"
		},
		schema: []
	},
	create(context) {
		const check = (id) => {
			if (id && !QUERY_VERB.test(id.name)) {
				context.report({ node: id, messageId: 'verb', data: { name: id.name } });
			}
		};
		return {
			'ExportNamedDeclaration > FunctionDeclaration'(node) {
				check(node.id);
			},
			'ExportNamedDeclaration > VariableDeclaration > VariableDeclarator'(node) {
				const init = node.init;
				if (init && /FunctionExpression$/.test(init.type)) check(node.id);
			}
		};
	}
};

export default {
	meta: { name: 'trellis-layers' },
	rules: {
		'route-writes-through-use-cases': routeWritesThroughUseCases,
		'query-names': queryNames
	}
};
