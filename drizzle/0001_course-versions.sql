CREATE TABLE "course_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"version" integer NOT NULL,
	"content_hash" text NOT NULL,
	"package" jsonb NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_versions_slug_version" UNIQUE("slug","version"),
	CONSTRAINT "course_versions_slug_hash" UNIQUE("slug","content_hash")
);
