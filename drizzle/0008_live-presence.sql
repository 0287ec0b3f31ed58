CREATE TABLE "live_presence" (
	"cohort_session_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"instance_id" uuid NOT NULL,
	"streams" integer NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_presence_cohort_session_id_enrolment_id_instance_id_pk" PRIMARY KEY("cohort_session_id","enrolment_id","instance_id")
);
--> statement-breakpoint
ALTER TABLE "live_presence" ADD CONSTRAINT "live_presence_cohort_session_id_cohort_sessions_id_fk" FOREIGN KEY ("cohort_session_id") REFERENCES "public"."cohort_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_presence" ADD CONSTRAINT "live_presence_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;