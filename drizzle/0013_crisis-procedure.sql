CREATE TABLE "crisis_procedures" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"who_to_call" text NOT NULL,
	"what_to_do" text NOT NULL,
	"afterwards" text DEFAULT '' NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "crisis_procedures" ADD CONSTRAINT "crisis_procedures_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_procedures" ADD CONSTRAINT "crisis_procedures_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;