import { embeddedDataDir } from '../db/index.ts';
import { freeBytes, MIN_FREE_BYTES } from '../db/embedded-postgres.ts';
import { log } from '../log.ts';

/*
 * A full disk shows up as failed writes, one per request. It is logged once a minute (not
 * with a stack per request), answered with 503 by the hooks, and reported by /healthz until
 * writes succeed again or space is freed.
 */
const REMEMBER_MS = 15_000;
let lastSeen = 0;

export function noteDiskFull(now = Date.now()) {
	if (now - lastSeen > REMEMBER_MS) {
		log.error('no space left on the database disk: writes are refused until space is freed');
	}
	lastSeen = now;
}

let checkedAt = 0;
let lowSpace = false;

/**
 * True while the database's disk is (or very recently was) out of space. On the embedded
 * engine the free space of the data directory's disk is read (at most once a second), so
 * writes can be refused before PostgreSQL itself runs out of room for its log, which would
 * stop the server.
 */
export function diskFull(now = Date.now()): boolean {
	const dir = embeddedDataDir();
	if (dir !== undefined && now - checkedAt > 1_000) {
		checkedAt = now;
		const free = freeBytes(dir);
		lowSpace = free !== undefined && free < MIN_FREE_BYTES;
		if (lowSpace) noteDiskFull(now);
	}
	return lowSpace || now - lastSeen < REMEMBER_MS;
}
