CREATE TABLE "live_respondents" (
	"cohort_session_id" uuid NOT NULL,
	"block_id" text NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"passed" boolean NOT NULL,
	CONSTRAINT "live_respondents_cohort_session_id_block_id_enrolment_id_pk" PRIMARY KEY("cohort_session_id","block_id","enrolment_id")
);
--> statement-breakpoint
ALTER TABLE "live_respondents" ADD CONSTRAINT "live_respondents_cohort_session_id_cohort_sessions_id_fk" FOREIGN KEY ("cohort_session_id") REFERENCES "public"."cohort_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_respondents" ADD CONSTRAINT "live_respondents_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;