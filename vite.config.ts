import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
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
			csrf: { trustedOrigins: ['*'] }
		})
	],
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		globalSetup: ['./tests/support/vitest-global-setup.ts'],
		env: { LOG_LEVEL: 'silent' },
		pool: 'forks',
		teardownTimeout: 5_000
	}
});
