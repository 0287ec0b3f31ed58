// Builds the live room's script (src/lib/live/room/live-room.ts) into one small classic script,
// /live-room.js, with Vite's own bundler: emitted into the client build (so adapter-node serves
// and precompresses it like any static file) and served by the dev server. Nothing generated
// is committed, so the script cannot drift from its source (ADR 019).
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const LIVE_ROOM_ENTRY = 'src/lib/live/room/live-room.ts';
export const LIVE_ROOM_FILE = 'live-room.js';
const VIRTUAL = 'virtual:live-room-script';

/**
 * The script's code: an IIFE without imports, minified. ES2020 is the floor the script had
 * already (it calls replaceChildren, which only browsers with ES2020 have), so nothing needs
 * lowering but what Vite's minifier chooses.
 */
export async function buildLiveRoomScript(root = ROOT): Promise<string> {
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
				entry: `${root}/${LIVE_ROOM_ENTRY}`,
				formats: ['iife'],
				name: 'trellisLiveRoom',
				fileName: () => LIVE_ROOM_FILE
			}
		}
	});
	const outputs = (Array.isArray(out) ? out : [out]) as {
		output: { type: string; code?: string }[];
	}[];
	const chunk = outputs[0].output.find((o) => o.type === 'chunk');
	if (!chunk?.code) throw new Error(`building ${LIVE_ROOM_ENTRY} produced no script`);
	return chunk.code;
}

/**
 * The Vite plugin. Pages import `src` from 'virtual:live-room-script': the script's URL with a
 * hash of its code, so browsers fetch a new script exactly when it changed.
 */
export function liveRoomScript(): Plugin {
	let code: Promise<string> | undefined;
	let dev = false;
	const script = () => (code ??= buildLiveRoomScript());
	return {
		name: 'trellis:live-room-script',
		configResolved(config) {
			dev = config.command === 'serve';
		},
		buildStart() {
			code = undefined;
		},
		resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : undefined),
		async load(id) {
			if (id !== `\0${VIRTUAL}`) return;
			const version = dev
				? 'dev'
				: createHash('sha256')
						.update(await script())
						.digest('hex')
						.slice(0, 12);
			return `export const src = ${JSON.stringify(`/${LIVE_ROOM_FILE}?v=${version}`)};`;
		},
		async generateBundle() {
			// Kit builds the server first, then the client, whose output is what is served.
			if (this.environment.name !== 'client') return;
			this.emitFile({ type: 'asset', fileName: LIVE_ROOM_FILE, source: await script() });
		},
		configureServer(server) {
			server.middlewares.use((req, res, next) => {
				if (req.url?.split('?')[0] !== `/${LIVE_ROOM_FILE}`) return next();
				// Built afresh on each request in development (about 0.1 s): edits show on reload.
				buildLiveRoomScript().then((js) => {
					res.setHeader('content-type', 'text/javascript; charset=utf-8');
					res.setHeader('cache-control', 'no-store');
					res.end(js);
				}, next);
			});
		}
	};
}
