import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { pageScripts } from './scripts/page-scripts.ts';

export default defineConfig({
	plugins: [
		pageScripts(),
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// The cookie is set by the language switcher and on sign-in from the profile;
			// first visits follow the browser's Accept-Language.
			strategy: ['cookie', 'preferredLanguage', 'baseLocale'],
			cookieName: 'trellis_locale'
		}),
		sveltekit({
			compilerOptions: {
				runes: ({ filename }) =>
					filename.split(/[/\\]/).includes('node_modules') ? undefined : true
			},
			adapter: adapter({ precompress: true }),
			// Origin checks for form posts happen in hooks.server.ts against the runtime APP_ORIGIN,
			// because adapter-node 6 only knows the origin at build time.
			csrf: { trustedOrigins: ['*'] },
			/*
			 * Kit adds nonces for its own inline scripts. Inline style attributes (result bars)
			 * need 'unsafe-inline' for styles; scripts never. Frames and their sources are
			 * closed here; the live room opens them for its configured video server only
			 * (hooks.server.ts). form-action is left out: the video room's join form ends in a
			 * redirect to that server, which form-action would block.
			 */
			csp: {
				mode: 'auto',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					'frame-src': ['none'],
					'object-src': ['none'],
					'base-uri': ['none'],
					'frame-ancestors': ['none']
				}
			}
		})
	],
	test: {
		include: [
			'src/**/*.test.ts',
			'scripts/**/*.test.ts',
			'eslint/**/*.test.ts',
			'tests/access-matrix/**/*.test.ts'
		],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		globalSetup: ['./tests/support/vitest-global-setup.ts'],
		env: { LOG_LEVEL: 'silent' },
		pool: 'forks',
		// Vitest's default is one worker less than the cores: a single worker on a 2-core CI
		// machine, where the database tests spend most of their time waiting for PostgreSQL.
		// Each test file has a database of its own (createTestDb), so files run side by side.
		maxWorkers: Math.max(3, availableParallelism()),
		teardownTimeout: 5_000
	}
});
