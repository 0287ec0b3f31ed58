import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The file in which start-ephemeral.ts leaves the data directory of the app on `port`. */
export function appDataDirFile(port: string | number): string {
	return join(tmpdir(), `trellis-e2e-${port}.data-dir`);
}
