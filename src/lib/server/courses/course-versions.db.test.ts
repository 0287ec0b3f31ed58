import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { DbHandle } from '../db/client.ts';
import { courseVersions } from '../db/schema/index.ts';
import { createTestDb } from '../testing/test-db.ts';
import { loadCoursePackage } from './load-course-package.ts';
import { validateCoursePackage, type CoursePackage } from './validate-course-package.ts';
import { importCourseVersion } from './import-course-version.ts';
import { findVersionByNumber } from './course-versions.queries.ts';

let h: DbHandle;
let pkg: CoursePackage;
beforeAll(async () => {
	h = await createTestDb();
	const v = validateCoursePackage(loadCoursePackage('recovery-oriented-practice'));
	if (!v.pkg) throw new Error(v.errors.join('\n'));
	pkg = v.pkg;
});
afterAll(async () => {
	await h?.close();
});

describe('importCourseVersion', () => {
	it('creates a version once; a changed package becomes a new version; the old one is unchanged', async () => {
		const first = await importCourseVersion(h.db, pkg);
		expect(first).toMatchObject({ version: 1, created: true });
		expect(await importCourseVersion(h.db, structuredClone(pkg))).toMatchObject({
			version: 1,
			created: false
		});

		const edited = structuredClone(pkg);
		edited.text.en.subtitle = 'Introduction course (second edition)';
		const second = await importCourseVersion(h.db, edited);
		expect(second).toMatchObject({ version: 2, created: true });

		const v1 = await findVersionByNumber(h.db, pkg.course.slug, 1);
		expect((v1!.package as CoursePackage).text.en.subtitle).toBe(pkg.text.en.subtitle);
		const v2 = await findVersionByNumber(h.db, pkg.course.slug, 2);
		expect((v2!.package as CoursePackage).text.en.subtitle).toBe(
			'Introduction course (second edition)'
		);
	});

	it('refuses to change a stored version in place', async () => {
		await importCourseVersion(h.db, pkg);
		await expect(
			h.db
				.update(courseVersions)
				.set({ package: sql`'{}'::jsonb` })
				.where(eq(courseVersions.version, 1))
		).rejects.toThrow();
	});

	it('settles two simultaneous imports of the same content on one version', async () => {
		const edited = structuredClone(pkg);
		edited.text.en.subtitle = 'Concurrent edition';
		const [a, b] = await Promise.all([
			importCourseVersion(h.db, edited),
			importCourseVersion(h.db, structuredClone(edited))
		]);
		expect(a.version).toBe(b.version);
		expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
	});
});
