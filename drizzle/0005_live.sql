CREATE TABLE "live_answers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cohort_session_id" uuid NOT NULL,
	"block_id" text NOT NULL,
	"enrolment_id" uuid,
	"passed" boolean DEFAULT false NOT NULL,
	"payload" jsonb NOT NULL,
	"shared" boolean DEFAULT true NOT NULL,
	"hidden_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"cohort_session_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"audience" text DEFAULT 'all' NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_state" (
	"cohort_session_id" uuid PRIMARY KEY NOT NULL,
	"block_index" integer DEFAULT 0 NOT NULL,
	"block_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activity" jsonb,
	"timer_ends_at" timestamp with time zone,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "moment_signals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cohort_session_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" text
);
--> statement-breakpoint
ALTER TABLE "live_answers" ADD CONSTRAINT "live_answers_cohort_session_id_cohort_sessions_id_fk" FOREIGN KEY ("cohort_session_id") REFERENCES "public"."cohort_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_answers" ADD CONSTRAINT "live_answers_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_answers" ADD CONSTRAINT "live_answers_hidden_by_users_id_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_events" ADD CONSTRAINT "live_events_cohort_session_id_cohort_sessions_id_fk" FOREIGN KEY ("cohort_session_id") REFERENCES "public"."cohort_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_state" ADD CONSTRAINT "live_state_cohort_session_id_cohort_sessions_id_fk" FOREIGN KEY ("cohort_session_id") REFERENCES "public"."cohort_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moment_signals" ADD CONSTRAINT "moment_signals_cohort_session_id_cohort_sessions_id_fk" FOREIGN KEY ("cohort_session_id") REFERENCES "public"."cohort_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moment_signals" ADD CONSTRAINT "moment_signals_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moment_signals" ADD CONSTRAINT "moment_signals_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "live_answers_session_block_idx" ON "live_answers" USING btree ("cohort_session_id","block_id");--> statement-breakpoint
CREATE INDEX "live_events_session_id_idx" ON "live_events" USING btree ("cohort_session_id","id");