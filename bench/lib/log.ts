// stdout carries only the figures, one JSON object per line; everything else goes to stderr.

export type Figure = {
	bench: 'pages' | 'server' | 'baseline';
	figure: string;
	value: number;
	unit: 'bytes' | 'ms' | 'MB' | 'x';
	db?: 'pglite' | 'postgres' | 'none';
};

export function emit(f: Figure): void {
	const line: Figure = { bench: f.bench, figure: f.figure, value: f.value, unit: f.unit };
	if (f.db) line.db = f.db;
	process.stdout.write(`${JSON.stringify(line)}\n`);
}

export function note(message: string): void {
	process.stderr.write(`[bench] ${message}\n`);
}

export const round = (n: number, digits = 1): number => {
	const k = 10 ** digits;
	return Math.round(n * k) / k;
};

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
