import {
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	unique,
	uuid
} from 'drizzle-orm/pg-core';

/*
 * An imported course package, frozen. A cohort pins one version; editing the files and
 * importing again creates the next version and never changes an existing one (a trigger in
 * the migration refuses UPDATE).
 */
export const courseVersions = pgTable(
	'course_versions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull(),
		version: integer('version').notNull(),
		contentHash: text('content_hash').notNull(),
		package: jsonb('package').notNull(),
		importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('course_versions_slug_version').on(t.slug, t.version),
		unique('course_versions_slug_hash').on(t.slug, t.contentHash)
	]
);

/*
 * Which course files (by a fingerprint of their bytes) were already imported as which version:
 * a start whose content/ is unchanged skips parsing and validating the package (about half a
 * second of CPU on a small server).
 */
export const courseSources = pgTable(
	'course_sources',
	{
		slug: text('slug').notNull(),
		fingerprint: text('fingerprint').notNull(),
		courseVersionId: uuid('course_version_id')
			.notNull()
			.references(() => courseVersions.id, { onDelete: 'cascade' }),
		seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.slug, t.fingerprint] })]
);
