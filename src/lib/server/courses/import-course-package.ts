import type { Db } from '../db/client.ts';
import { findCourseSource, insertCourseSource } from './course-versions.queries.ts';
import { importCourseVersion } from './import-course-version.ts';
import {
	CONTENT_ROOT,
	fingerprintCoursePackage,
	loadCoursePackage
} from './load-course-package.ts';
import { validateCoursePackage } from './validate-course-package.ts';

export type ImportPackageResult =
	| { status: 'unchanged' }
	| { status: 'imported'; version: number; created: boolean }
	| { status: 'invalid'; errors: string[] };

/**
 * Imports the course package in content/ at start. Files whose exact bytes were imported
 * before are recognised by their fingerprint and not parsed again; otherwise the package is
 * validated (one with errors is not imported, and the last good version keeps serving) and
 * imported, which creates a new version only when the content changed.
 */
export async function importCoursePackage(
	db: Db,
	slug: string,
	root = CONTENT_ROOT
): Promise<ImportPackageResult> {
	const fingerprint = fingerprintCoursePackage(slug, root);
	if (await findCourseSource(db, slug, fingerprint)) return { status: 'unchanged' };
	const v = validateCoursePackage(loadCoursePackage(slug, root));
	if (!v.pkg) return { status: 'invalid', errors: v.errors };
	const r = await importCourseVersion(db, v.pkg);
	await insertCourseSource(db, { slug, fingerprint, courseVersionId: r.id });
	return { status: 'imported', version: r.version, created: r.created };
}
