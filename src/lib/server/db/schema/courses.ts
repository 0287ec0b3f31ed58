import { integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

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
