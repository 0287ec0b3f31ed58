CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"code" text NOT NULL,
	"status_index" serial NOT NULL,
	"name_on_certificate" text NOT NULL,
	"facts" jsonb NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by" text,
	"issue_reason" text,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	"revoke_reason" text,
	CONSTRAINT "certificates_code_unique" UNIQUE("code"),
	CONSTRAINT "certificates_status_index_unique" UNIQUE("status_index")
);
--> statement-breakpoint
CREATE TABLE "credential_keys" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"kid" text NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"private_jwk" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_respondents" (
	"cohort_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "evaluation_respondents_cohort_id_phase_user_id_pk" PRIMARY KEY("cohort_id","phase","user_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"questionnaire" text NOT NULL,
	"pseudonym" text NOT NULL,
	"answers" jsonb NOT NULL,
	CONSTRAINT "evaluation_responses_once" UNIQUE("cohort_id","phase","pseudonym"),
	CONSTRAINT "evaluation_phase" CHECK ("evaluation_responses"."phase" in ('pre', 'post'))
);
--> statement-breakpoint
CREATE TABLE "instrument_packs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"pack" jsonb NOT NULL,
	"loaded_by" text,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"permission_confirmed_by" text,
	"permission_confirmed_at" timestamp with time zone,
	CONSTRAINT "instrument_packs_org_slug" UNIQUE("organisation_id","slug")
);
--> statement-breakpoint
CREATE TABLE "outcome_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"min_group" integer DEFAULT 5 NOT NULL,
	"post_days" integer DEFAULT 14 NOT NULL,
	CONSTRAINT "outcome_min_group" CHECK ("outcome_settings"."min_group" >= 5),
	CONSTRAINT "outcome_post_days" CHECK ("outcome_settings"."post_days" between 1 and 90)
);
--> statement-breakpoint
CREATE TABLE "pulse_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_session_id" uuid NOT NULL,
	"useful" smallint,
	"pace" smallint,
	"able_to_pass" smallint,
	"safe_to_share" smallint,
	"comment" text,
	CONSTRAINT "pulse_useful_range" CHECK ("pulse_answers"."useful" between 1 and 5),
	CONSTRAINT "pulse_pace_range" CHECK ("pulse_answers"."pace" between 1 and 3),
	CONSTRAINT "pulse_pass_range" CHECK ("pulse_answers"."able_to_pass" between 1 and 5),
	CONSTRAINT "pulse_safe_range" CHECK ("pulse_answers"."safe_to_share" between 1 and 5),
	CONSTRAINT "pulse_comment_length" CHECK (char_length("pulse_answers"."comment") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "pulse_respondents" (
	"cohort_session_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "pulse_respondents_cohort_session_id_user_id_pk" PRIMARY KEY("cohort_session_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credential_keys" ADD CONSTRAINT "credential_keys_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_respondents" ADD CONSTRAINT "evaluation_respondents_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_respondents" ADD CONSTRAINT "evaluation_respondents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_responses" ADD CONSTRAINT "evaluation_responses_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_packs" ADD CONSTRAINT "instrument_packs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_packs" ADD CONSTRAINT "instrument_packs_loaded_by_users_id_fk" FOREIGN KEY ("loaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_packs" ADD CONSTRAINT "instrument_packs_permission_confirmed_by_users_id_fk" FOREIGN KEY ("permission_confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_settings" ADD CONSTRAINT "outcome_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_answers" ADD CONSTRAINT "pulse_answers_cohort_session_id_cohort_sessions_id_fk" FOREIGN KEY ("cohort_session_id") REFERENCES "public"."cohort_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_respondents" ADD CONSTRAINT "pulse_respondents_cohort_session_id_cohort_sessions_id_fk" FOREIGN KEY ("cohort_session_id") REFERENCES "public"."cohort_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_respondents" ADD CONSTRAINT "pulse_respondents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_one_valid_per_enrolment" ON "certificates" USING btree ("enrolment_id") WHERE revoked_at is null;--> statement-breakpoint
CREATE INDEX "certificates_cohort_idx" ON "certificates" USING btree ("cohort_id");--> statement-breakpoint
CREATE INDEX "pulse_answers_session_idx" ON "pulse_answers" USING btree ("cohort_session_id");