CREATE TABLE "retention_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"live_months" integer NOT NULL,
	"workbook_months" integer NOT NULL,
	"evaluation_months" integer NOT NULL,
	"outbox_months" integer NOT NULL,
	"audit_months" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "retention_live_months" CHECK ("retention_settings"."live_months" between 1 and 120),
	CONSTRAINT "retention_workbook_months" CHECK ("retention_settings"."workbook_months" between 1 and 120),
	CONSTRAINT "retention_evaluation_months" CHECK ("retention_settings"."evaluation_months" between 4 and 120),
	CONSTRAINT "retention_outbox_months" CHECK ("retention_settings"."outbox_months" between 1 and 120),
	CONSTRAINT "retention_audit_months" CHECK ("retention_settings"."audit_months" between 6 and 120)
);
--> statement-breakpoint
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;