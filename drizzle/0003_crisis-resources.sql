CREATE TABLE "crisis_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"country" text NOT NULL,
	"locale" text NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"chat_url" text,
	"hours" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"source_url" text,
	"last_verified_at" date NOT NULL,
	"verified_by" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "crisis_resources" ADD CONSTRAINT "crisis_resources_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_resources" ADD CONSTRAINT "crisis_resources_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crisis_resources_org_country_idx" ON "crisis_resources" USING btree ("organisation_id","country");