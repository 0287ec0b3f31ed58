CREATE TABLE "course_sources" (
	"slug" text NOT NULL,
	"fingerprint" text NOT NULL,
	"course_version_id" uuid NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_sources_slug_fingerprint_pk" PRIMARY KEY("slug","fingerprint")
);
--> statement-breakpoint
ALTER TABLE "course_sources" ADD CONSTRAINT "course_sources_course_version_id_course_versions_id_fk" FOREIGN KEY ("course_version_id") REFERENCES "public"."course_versions"("id") ON DELETE cascade ON UPDATE no action;