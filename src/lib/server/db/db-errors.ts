/** A start that cannot go on, with a message meant for the person who ran it. */
export class EmbeddedPostgresError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'EmbeddedPostgresError';
	}
}

export class DataDirInUseError extends Error {
	readonly dir: string;
	constructor(dir: string) {
		super(
			`The data directory ${dir} is already in use by another Trellis process. ` +
				`Stop that process first, or start this one with a different DATA_DIR.`
		);
		this.dir = dir;
		this.name = 'DataDirInUseError';
	}
}

/** PostgreSQL's "disk full" (53100) or the operating system's ENOSPC, wherever it surfaced. */
export function isDiskFull(e: unknown): boolean {
	const err = e as { code?: string; message?: string; cause?: unknown } | undefined;
	if (!err) return false;
	if (err.code === '53100' || err.code === 'ENOSPC') return true;
	if (/No space left on device/i.test(String(err.message ?? ''))) return true;
	return err.cause !== undefined && err.cause !== e && isDiskFull(err.cause);
}

/** The database cannot be reached (stopped, restarting, or refusing connections for now). */
export function isDbUnavailable(e: unknown): boolean {
	const err = e as { code?: string; message?: string; cause?: unknown } | undefined;
	if (!err) return false;
	const codes = [
		'ECONNREFUSED',
		'CONNECTION_CLOSED',
		'CONNECTION_ENDED',
		'CONNECTION_DESTROYED',
		'57P01',
		'57P02',
		'57P03'
	];
	if (err.code && codes.includes(err.code)) return true;
	if (err.code === 'ENOENT' && /\.s\.PGSQL\./.test(String(err.message))) return true;
	return err.cause !== undefined && err.cause !== e && isDbUnavailable(err.cause);
}

/** Turns a failure to open the database into one readable start-up message. */
export function explainDbError(e: unknown, dataDir: string): unknown {
	if (e instanceof EmbeddedPostgresError || e instanceof DataDirInUseError) return e;
	if (isDiskFull(e)) {
		return new EmbeddedPostgresError(
			`No space left on the disk that holds the database (${dataDir}). Free some space and start again.`
		);
	}
	const err = e as { code?: string; message?: string } | undefined;
	if (err?.code === 'ECONNREFUSED' || err?.code === 'ENOTFOUND' || err?.code === '3D000') {
		return new EmbeddedPostgresError(
			`Cannot reach the database named by DATABASE_URL (${err.code}: ${err.message}). Check that the server runs and the database exists.`
		);
	}
	return e;
}
