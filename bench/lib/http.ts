// A minimal HTTP client and load generator on node:http. Every URL must point at 127.0.0.1.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { IncomingHttpHeaders } from 'node:http';

export type Response = { status: number; headers: IncomingHttpHeaders; body: Buffer };

function assertLocal(url: URL): void {
	if (url.protocol !== 'http:' || url.hostname !== '127.0.0.1') {
		throw new Error(`refusing to request ${url.href}: the benchmark only talks to 127.0.0.1`);
	}
}

/** GET `url`, reading the whole body. `agent: false` opens a fresh connection. */
export function get(
	url: string | URL,
	opts: { agent?: http.Agent | false; timeoutMs?: number; headers?: Record<string, string> } = {}
): Promise<Response> {
	const u = new URL(url);
	assertLocal(u);
	return new Promise((resolve, reject) => {
		const req = http.request(
			u,
			{
				method: 'GET',
				agent: opts.agent ?? false,
				headers: { 'user-agent': 'trellis-bench', accept: 'text/html,*/*', ...opts.headers },
				timeout: opts.timeoutMs ?? 30_000
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						body: Buffer.concat(chunks)
					})
				);
				res.on('error', reject);
			}
		);
		req.on('timeout', () => req.destroy(new Error(`timed out: GET ${u.href}`)));
		req.on('error', reject);
		req.end();
	});
}

/**
 * Sends `total` GET requests, `concurrency` at a time over keep-alive connections, cycling
 * through `paths`. Returns each request's latency in ms (request start to last body byte).
 * Throws if any request fails or answers with a status other than 200.
 */
export async function load(
	port: number,
	paths: string[],
	total: number,
	concurrency: number
): Promise<number[]> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	const latencies: number[] = [];
	const failures: string[] = [];
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < total) {
			const i = next++;
			const path = paths[i % paths.length];
			const t0 = performance.now();
			try {
				const res = await get(`http://127.0.0.1:${port}${path}`, { agent });
				if (res.status === 200) latencies.push(performance.now() - t0);
				else failures.push(`${path}: HTTP ${res.status}`);
			} catch (e) {
				failures.push(`${path}: ${(e as Error).message}`);
			}
		}
	};
	try {
		await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
	} finally {
		agent.destroy();
	}
	if (failures.length) {
		throw new Error(
			`${failures.length}/${total} requests failed, e.g. ${[...new Set(failures)].slice(0, 3).join('; ')}`
		);
	}
	return latencies;
}

/** Nearest-rank percentile of `values` (not necessarily sorted). */
export function percentile(values: number[], p: number): number {
	if (!values.length) throw new Error('percentile of no values');
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
	return sorted[rank - 1];
}
