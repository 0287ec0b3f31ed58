ALTER TABLE "cohort_sessions" ADD COLUMN "scheduled_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- Sessions that existed before this column were scheduled no later than their cohort was
-- created (moves are not recorded), so their reminders stay due as before.
UPDATE "cohort_sessions" SET "scheduled_at" = "cohorts"."created_at" FROM "cohorts" WHERE "cohorts"."id" = "cohort_sessions"."cohort_id";
