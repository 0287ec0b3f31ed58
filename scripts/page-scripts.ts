// Builds the few small scripts that server-rendered pages load (ADR 019, 021): each is one
// TypeScript entry bundled by Vite's own bundler into a minified classic script (an IIFE, no
// imports). The build emits them with the server's assets into _app/immutable/assets/, which
// Kit copies into the client output whether or not any page is hydrated, so adapter-node
// serves and precompresses them like any static file, cached for good under a name that
// carries a hash of the code. The dev server builds them per request. Nothing generated is
// committed, so a script cannot drift from its source.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Each script by name, and its entry. */
export const PAGE_SCRIPTS = {
	/** The participant's live room (src/routes/live/[sessionId]). */
	'live-room': 'src/lib/live/room/live-room.ts',
	/** The facilitators' console and projector. */
	'live-screen': 'src/lib/live/screen/live-screen.ts',
	/** Copy buttons next to links to share (the cohort's manage page). */
	'copy-link': 'src/lib/copy-link/copy-link.ts',
	/** Drafts and the offline outbox of the workbook's forms. */
	'workbook-page': 'src/lib/workbook/outbox/workbook-page.ts',
	/** Passkey sign-in and registration (the sign-in and security pages; WebAuthn needs JS). */
	passkeys: 'src/lib/passkeys/passkeys.ts'
} as const;
export type PageScript = keyof typeof PAGE_SCRIPTS;

const VIRTUAL = 'virtual:page-script/';
/* Kit's default appDir; where it puts the server's assets and copies them to the client. */
const ASSETS = '_app/immutable/assets';

/**
 * A script's code: an IIFE without imports, minified. ES2020 is the floor (the live room
 * calls replaceChildren, which only browsers with ES2020 have), so nothing needs lowering but
 * what Vite's minifier chooses.
 */
export async function buildPageScript(name: PageScript, root = ROOT): Promise<string> {
	const entry = PAGE_SCRIPTS[name];
	const out = await build({
		configFile: false,
		envFile: false,
		logLevel: 'silent',
		root,
		publicDir: false,
		build: {
			write: false,
			target: 'es2020',
			minify: true,
			sourcemap: false,
			emptyOutDir: false,
			lib: {
				entry: `${root}/${entry}`,
				formats: ['iife'],
				name: `trellis_${name.replace(/-/g, '_')}`,
				fileName: () => `${name}.js`
			}
		}
	});
	const outputs = (Array.isArray(out) ? out : [out]) as {
		output: { type: string; code?: string }[];
	}[];
	const chunk = outputs[0].output.find((o) => o.type === 'chunk');
	if (!chunk?.code) throw new Error(`building ${entry} produced no script`);
	return chunk.code;
}

const hashOf = (code: string) => createHash('sha256').update(code).digest('hex').slice(0, 12);
const isScript = (name: string): name is PageScript => Object.hasOwn(PAGE_SCRIPTS, name);

/**
 * The Vite plugin. A page imports `src` from 'virtual:page-script/<name>': the script's URL,
 * whose name changes exactly when its code does.
 */
export function pageScripts(): Plugin {
	let dev = false;
	let built = new Map<PageScript, Promise<string>>();
	const script = (name: PageScript) => {
		let code = built.get(name);
		if (!code) built.set(name, (code = buildPageScript(name)));
		return code;
	};
	const fileOf = async (name: PageScript) => `${ASSETS}/${name}.${hashOf(await script(name))}.js`;
	return {
		name: 'trellis:page-scripts',
		configResolved(config) {
			dev = config.command === 'serve';
		},
		buildStart() {
			built = new Map();
		},
		resolveId: (id) => (id.startsWith(VIRTUAL) ? `\0${id}` : undefined),
		async load(id) {
			if (!id.startsWith(`\0${VIRTUAL}`)) return;
			const name = id.slice(VIRTUAL.length + 1);
			if (!isScript(name)) throw new Error(`no page script called ${name}`);
			const src = dev ? `/${name}.js?v=dev` : `/${await fileOf(name)}`;
			return `export const src = ${JSON.stringify(src)};`;
		},
		async generateBundle() {
			// The server build always runs; the client build only when some page is hydrated.
			if (this.environment.name !== 'ssr') return;
			for (const name of Object.keys(PAGE_SCRIPTS) as PageScript[]) {
				this.emitFile({ type: 'asset', fileName: await fileOf(name), source: await script(name) });
			}
		},
		configureServer(server) {
			server.middlewares.use((req, res, next) => {
				const name = /^\/([a-z-]+)\.js$/.exec(req.url?.split('?')[0] ?? '')?.[1];
				if (!name || !isScript(name)) return next();
				// Built afresh on each request in development (about 0.1 s): edits show on reload.
				buildPageScript(name).then((js) => {
					res.setHeader('content-type', 'text/javascript; charset=utf-8');
					res.setHeader('cache-control', 'no-store');
					res.end(js);
				}, next);
			});
		}
	};
}
