import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
import { courseSources, courseVersions } from '../db/schema/index.ts';

export async function findVersionByHash(db: Db, slug: string, contentHash: string) {
	const [row] = await db
		.select({ id: courseVersions.id, version: courseVersions.version })
		.from(courseVersions)
		.where(and(eq(courseVersions.slug, slug), eq(courseVersions.contentHash, contentHash)))
		.limit(1);
	return row;
}

export async function insertNextVersion(
	db: Db,
	v: { slug: string; contentHash: string; package: unknown }
) {
	const [row] = await db
		.insert(courseVersions)
		.values({
			slug: v.slug,
			contentHash: v.contentHash,
			package: v.package,
			version: sql`(select coalesce(max(version), 0) + 1 from course_versions where slug = ${v.slug})`
		})
		.returning({ id: courseVersions.id, version: courseVersions.version });
	return row;
}

export async function findLatestVersion(db: Db, slug: string) {
	const [row] = await db
		.select()
		.from(courseVersions)
		.where(eq(courseVersions.slug, slug))
		.orderBy(desc(courseVersions.version))
		.limit(1);
	return row;
}

export async function findVersionByNumber(db: Db, slug: string, version: number) {
	const [row] = await db
		.select()
		.from(courseVersions)
		.where(and(eq(courseVersions.slug, slug), eq(courseVersions.version, version)))
		.limit(1);
	return row;
}

export async function findCourseSource(db: Db, slug: string, fingerprint: string) {
	const [row] = await db
		.select({ courseVersionId: courseSources.courseVersionId })
		.from(courseSources)
		.where(and(eq(courseSources.slug, slug), eq(courseSources.fingerprint, fingerprint)))
		.limit(1);
	return row;
}

export async function insertCourseSource(
	db: Db,
	s: { slug: string; fingerprint: string; courseVersionId: string }
) {
	await db.insert(courseSources).values(s).onConflictDoNothing();
}

/*
 * Course versions never change (a trigger refuses UPDATE), so each is read and parsed once
 * per process: the package is large, and every live request needs it.
 */
const versions = new Map<string, typeof courseVersions.$inferSelect>();
export async function findCourseVersion(q: DbOrTx, id: string) {
	const hit = versions.get(id);
	if (hit) return hit;
	const [row] = await q.select().from(courseVersions).where(eq(courseVersions.id, id));
	if (row) versions.set(id, row);
	return row;
}
