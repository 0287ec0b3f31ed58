import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import trellis from './eslint/trellis-layers.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'src/lib/paraglide/',
			'drizzle/',
			'data/',
			'test-results/',
			'playwright-report/',
			'reports/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser } }
	},
	{
		rules: {
			curly: ['error', 'multi-line'],
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			'svelte/no-navigation-without-resolve': 'off',
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['drizzle-orm/*', '!drizzle-orm/pg-core'],
							message: 'Query code lives in *.queries.ts under src/lib/server.'
						}
					]
				}
			]
		}
	},
	{
		// The layer rule (ARCHITECTURE.md): only query modules, the schema and db/ build queries.
		// Everything else reaches the database through a *.queries.ts function.
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: [
			'src/lib/server/**/*.queries.ts',
			'src/lib/server/db/**',
			'src/**/*.test.ts',
			'src/lib/server/testing/**'
		],
		rules: {
			'no-restricted-imports': 'off',
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['drizzle-orm', 'drizzle-orm/*'],
							message:
								'Only *.queries.ts, schema files and db/ build queries: call or add a query function.'
						},
						{
							group: ['**/db/schema', '**/db/schema/*'],
							allowTypeImports: true,
							message: 'Tables are used in *.queries.ts; import only their types here.'
						}
					]
				}
			]
		}
	},
	{
		// The database layer itself opens drivers and migrators (and, for the one-time import,
		// PGlite's driver); better-auth's Drizzle adapter is given the tables it owns.
		files: ['src/lib/server/db/**', 'src/lib/server/auth/auth.ts'],
		rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-restricted-imports': 'off' }
	},
	{
		files: ['src/routes/**/*.ts'],
		plugins: { trellis },
		rules: { 'trellis/route-writes-through-use-cases': 'error' }
	},
	{
		files: ['src/lib/server/**/*.queries.ts'],
		plugins: { trellis },
		rules: { 'trellis/query-names': 'error' }
	}
);
