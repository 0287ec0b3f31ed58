import type { z } from 'zod';

/** A failed parse of a package file as `course:check` lines: the file, the field, the problem. */
export function schemaIssues(where: string, e: z.ZodError) {
	return e.issues.map((i) => `${where}: ${i.path.join('.') || '(root)'} ${i.message}`);
}
