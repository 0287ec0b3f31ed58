// Transfer weight of a page: its HTML brotli-compressed here (quality 11), plus every script,
// stylesheet, modulepreload and icon it references, counted as the precompressed .br file the
// server would send (or compressed here when a file has no .br next to it).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { get } from './http.ts';

export type Asset = { path: string; kind: 'js' | 'css' | 'other'; bytesBr: number; source: string };
export type PageWeight = {
	htmlBytesBr: number;
	/** The HTML as the server actually sends it to a browser that accepts brotli. */
	htmlBytesWire: number;
	jsBytesBr: number;
	totalBytesBr: number;
	assets: Asset[];
};

export function brotli(buf: Buffer): number {
	return brotliCompressSync(buf, {
		params: {
			[constants.BROTLI_PARAM_QUALITY]: 11,
			[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
			[constants.BROTLI_PARAM_SIZE_HINT]: buf.length
		}
	}).length;
}

function attributes(tag: string): Map<string, string> {
	const attrs = new Map<string, string>();
	const re = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
	for (const m of tag.matchAll(re)) attrs.set(m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
	return attrs;
}

const LINK_RELS = new Set(['stylesheet', 'modulepreload', 'icon', 'apple-touch-icon', 'preload']);

/** URLs (as written) of the scripts, stylesheets, modulepreloads and icons in `html`. */
export function referencedAssets(html: string): string[] {
	const refs: string[] = [];
	for (const m of html.matchAll(/<link\b([^>]*)>/gi)) {
		const a = attributes(m[1]);
		const rels = (a.get('rel') ?? '').toLowerCase().split(/\s+/);
		const href = a.get('href');
		if (href && rels.some((r) => LINK_RELS.has(r))) refs.push(href);
	}
	for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
		const src = attributes(m[1]).get('src');
		if (src) refs.push(src);
		// Kit's inline bootstrap script loads the entry points with import("…").
		for (const i of m[2].matchAll(/\bimport\(\s*(["'])([^"']+)\1\s*\)/g)) refs.push(i[2]);
	}
	return refs;
}

function kindOf(path: string): Asset['kind'] {
	const ext = extname(path).toLowerCase();
	if (ext === '.js' || ext === '.mjs') return 'js';
	if (ext === '.css') return 'css';
	return 'other';
}

export async function pageWeight(
	origin: string,
	pagePath: string,
	clientDir: string,
	/** e.g. a session cookie, for pages behind sign-in */
	headers: Record<string, string> = {}
): Promise<PageWeight> {
	const pageUrl = new URL(pagePath, origin);
	const res = await get(pageUrl, { headers });
	if (res.status !== 200) throw new Error(`GET ${pagePath}: HTTP ${res.status}`);
	if (res.headers['content-encoding']) {
		throw new Error(`GET ${pagePath} came back ${res.headers['content-encoding']}-encoded`);
	}
	const html = res.body.toString('utf8');
	const root = resolve(clientDir);
	const seen = new Set<string>();
	const assets: Asset[] = [];
	for (const ref of referencedAssets(html)) {
		const url = new URL(ref, pageUrl);
		if (url.origin !== pageUrl.origin) {
			throw new Error(`${pagePath} references an off-site asset ${url.href}`);
		}
		if (seen.has(url.pathname)) continue;
		seen.add(url.pathname);
		const file = join(root, decodeURIComponent(url.pathname));
		if (!file.startsWith(root + sep)) throw new Error(`asset outside build/client: ${ref}`);
		let bytesBr: number;
		let source: string;
		if (existsSync(`${file}.br`)) {
			bytesBr = statSync(`${file}.br`).size;
			source = '.br on disk';
		} else if (existsSync(file) && statSync(file).isFile()) {
			bytesBr = brotli(readFileSync(file));
			source = 'compressed here';
		} else {
			const r = await get(url);
			if (r.status !== 200) throw new Error(`asset ${url.pathname}: HTTP ${r.status}`);
			bytesBr = brotli(r.body);
			source = 'fetched, compressed here';
		}
		assets.push({ path: url.pathname, kind: kindOf(url.pathname), bytesBr, source });
	}
	const htmlBytesBr = brotli(res.body);
	const wire = await get(pageUrl, { headers: { ...headers, 'accept-encoding': 'br, gzip' } });
	const htmlBytesWire = wire.body.length;
	const sum = (list: Asset[]): number => list.reduce((n, a) => n + a.bytesBr, 0);
	return {
		htmlBytesBr,
		htmlBytesWire,
		jsBytesBr: sum(assets.filter((a) => a.kind === 'js')),
		totalBytesBr: Math.max(htmlBytesBr, htmlBytesWire) + sum(assets),
		assets
	};
}
