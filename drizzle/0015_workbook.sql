CREATE TABLE "workbook_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cohort_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"session_number" integer NOT NULL,
	"kind" text NOT NULL,
	"fields" jsonb NOT NULL,
	"sharing" text DEFAULT 'private' NOT NULL,
	"shared_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"source_answer_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workbook_entries_source_answer_id_unique" UNIQUE("source_answer_id")
);
--> statement-breakpoint
CREATE TABLE "workbook_entry_views" (
	"entry_id" uuid NOT NULL,
	"viewer_id" text NOT NULL,
	"first_opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workbook_entry_views_entry_id_viewer_id_pk" PRIMARY KEY("entry_id","viewer_id")
);
--> statement-breakpoint
CREATE TABLE "workbook_map_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"label" text NOT NULL,
	"ties" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workbook_preferences" (
	"cohort_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"remind_before_session" boolean DEFAULT false NOT NULL,
	CONSTRAINT "workbook_preferences_cohort_id_user_id_pk" PRIMARY KEY("cohort_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "workbook_entries" ADD CONSTRAINT "workbook_entries_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workbook_entries" ADD CONSTRAINT "workbook_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workbook_entries" ADD CONSTRAINT "workbook_entries_source_answer_id_live_answers_id_fk" FOREIGN KEY ("source_answer_id") REFERENCES "public"."live_answers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workbook_entry_views" ADD CONSTRAINT "workbook_entry_views_entry_id_workbook_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."workbook_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workbook_entry_views" ADD CONSTRAINT "workbook_entry_views_viewer_id_users_id_fk" FOREIGN KEY ("viewer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workbook_map_snapshots" ADD CONSTRAINT "workbook_map_snapshots_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workbook_map_snapshots" ADD CONSTRAINT "workbook_map_snapshots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workbook_preferences" ADD CONSTRAINT "workbook_preferences_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workbook_preferences" ADD CONSTRAINT "workbook_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workbook_entries_owner_idx" ON "workbook_entries" USING btree ("cohort_id","user_id","session_number");--> statement-breakpoint
CREATE INDEX "workbook_entries_shared_idx" ON "workbook_entries" USING btree ("cohort_id","sharing");--> statement-breakpoint
CREATE INDEX "workbook_map_snapshots_owner_idx" ON "workbook_map_snapshots" USING btree ("cohort_id","user_id");