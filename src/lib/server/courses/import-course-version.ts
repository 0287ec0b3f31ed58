import { createHash } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { findVersionByHash, insertNextVersion } from './course-versions.queries.ts';
import type { CoursePackage } from './validate-course-package.ts';

/** A stable JSON text: object keys sorted, so the same content always hashes the same. */
function canonical(v: unknown): string {
	if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
	if (v && typeof v === 'object') {
		return `{${Object.keys(v)
			.sort()
			.filter((k) => (v as Record<string, unknown>)[k] !== undefined)
			.map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
			.join(',')}}`;
	}
	return JSON.stringify(v);
}

/**
 * Imports a validated package as an immutable version. Importing unchanged content returns
 * the existing version; changed content becomes the next version number. Two instances
 * importing at once are settled by the unique constraints: the loser reads the winner's row.
 */
export async function importCourseVersion(
	db: Db,
	pkg: CoursePackage
): Promise<{ version: number; id: string; created: boolean }> {
	const slug = pkg.course.slug;
	const contentHash = createHash('sha256').update(canonical(pkg)).digest('hex');
	const existing = await findVersionByHash(db, slug, contentHash);
	if (existing) return { ...existing, created: false };
	try {
		const row = await insertNextVersion(db, { slug, contentHash, package: pkg });
		return { ...row, created: true };
	} catch (e) {
		const again = await findVersionByHash(db, slug, contentHash);
		if (again) return { ...again, created: false };
		throw e;
	}
}
