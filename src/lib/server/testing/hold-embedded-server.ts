// Test helper, run as its own process: starts the embedded server on argv[2], prints
// {"ready":true,"pid":<postmaster>} and keeps running until it is killed.
import { startEmbeddedPostgres } from '../db/embedded-postgres.ts';

const quiet = { info: () => {}, warn: () => {} };
const server = await startEmbeddedPostgres({ dataDir: process.argv[2], log: quiet });
console.log(JSON.stringify({ ready: true, pid: server.pid }));
setInterval(() => {}, 60_000);
