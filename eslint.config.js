import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

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
		// The database layer itself opens drivers and migrators (and, for the one-time import,
		// PGlite's driver).
		files: ['src/lib/server/db/**'],
		rules: { 'no-restricted-imports': 'off' }
	},
	{
		// Routes stay thin: they call use cases, never the query builder.
		files: ['src/routes/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['drizzle-orm', 'drizzle-orm/*'],
							message: 'Call a use case or *.queries.ts instead.'
						}
					]
				}
			]
		}
	}
);
