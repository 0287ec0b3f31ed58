// Two Trellis instances on one fresh PostgreSQL database, for the multi-instance browser test:
// A on 127.0.0.1:4183, B on 127.0.0.1:4184, both moved by E2E_PORT_OFFSET (the ports come from
// playwright.pg.config.ts). A starts first (it creates the organisation and the demo people);
// B starts once A answers. Both stop when this process gets SIGTERM or SIGINT, and by
// themselves after 30 minutes if the runner dies.
import { spawn, type ChildProcess } from 'node:child_process';
import postgres from 'postgres';

const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
// Named after A's port, so that two checkouts' runs on one PostgreSQL keep their own.
const portA = Number(process.env.INSTANCE_A_PORT ?? 4183);
const portB = Number(process.env.INSTANCE_B_PORT ?? 4184);
const name = `trellis_e2e_two_instances_${portA}`;
const admin = postgres(base, { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists ${name} with (force)`);
await admin.unsafe(`create database ${name}`);
await admin.end();
const url = new URL(base);
url.pathname = `/${name}`;

const children: ChildProcess[] = [];
function start(port: number) {
	const child = spawn(process.execPath, ['scripts/start.js'], {
		stdio: 'inherit',
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(port),
			APP_ORIGIN: `http://127.0.0.1:${port}`,
			DATABASE_URL: url.toString(),
			LOG_LEVEL: 'warn',
			RATE_LIMIT_SCALE: '100',
			SHUTDOWN_TIMEOUT: '3'
		}
	});
	children.push(child);
	return child;
}

async function healthy(port: number) {
	for (let i = 0; i < 300; i++) {
		try {
			if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`instance on ${port} did not start`);
}

const stop = () => {
	for (const c of children) c.kill('SIGTERM');
	setTimeout(() => process.exit(0), 4000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
setTimeout(stop, 30 * 60_000).unref();

start(portA);
await healthy(portA);
start(portB);
await healthy(portB);
