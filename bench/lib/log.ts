import { availableParallelism, loadavg } from 'node:os';

// stdout carries only the figures, one JSON object per line; everything else goes to stderr.

export type Figure = {
	bench: 'pages' | 'server' | 'baseline' | 'outcomes' | 'workbook' | 'export';
	figure: string;
	value: number;
	unit: 'bytes' | 'ms' | 'MB' | 'x';
	/** embedded: the server in DATA_DIR that the app starts; postgres: an external server. */
	db?: 'embedded' | 'postgres' | 'none';
	/**
	 * For Pss figures: whose processes count. embedded: the app, its embedded server's processes
	 * and their watchdog; external: the app alone (the server is not Trellis's to count).
	 */
	db_processes?: 'embedded' | 'external';
	/** For a figure that is the median of several runs: how many. */
	runs?: number;
};

export function emit(f: Figure): void {
	const line: Figure = { bench: f.bench, figure: f.figure, value: f.value, unit: f.unit };
	if (f.db) line.db = f.db;
	if (f.db_processes) line.db_processes = f.db_processes;
	if (f.runs) line.runs = f.runs;
	process.stdout.write(`${JSON.stringify(line)}\n`);
}

export function note(message: string): void {
	process.stderr.write(`[bench] ${message}\n`);
}

/** The machine's load, for reading timings: other work on a small machine slows every start. */
export function noteLoad(when: string): void {
	const [one, five] = loadavg();
	note(
		`${when}: load average ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min) on ${availableParallelism()} cores`
	);
}

export const round = (n: number, digits = 1): number => {
	const k = 10 ** digits;
	return Math.round(n * k) / k;
};

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
