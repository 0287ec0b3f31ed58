/** Ends a command with one readable line: the message of an error meant for people, else its cause. */
export function failReadably(what: string, e: unknown): never {
	const err = e as { name?: string; message?: string; code?: string };
	const known = ['ConfigError', 'EmbeddedPostgresError', 'DataDirInUseError'];
	const message = known.includes(err?.name ?? '')
		? err.message
		: `${what}: ${err?.message ?? String(e)}${err?.code ? ` (${err.code})` : ''}`;
	console.error(`\n${message}\n`);
	process.exit(1);
}
