CREATE TABLE "live_votes" (
	"answer_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_votes_answer_id_enrolment_id_pk" PRIMARY KEY("answer_id","enrolment_id")
);
--> statement-breakpoint
ALTER TABLE "live_votes" ADD CONSTRAINT "live_votes_answer_id_live_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."live_answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_votes" ADD CONSTRAINT "live_votes_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;