ALTER TYPE "public"."email_status" ADD VALUE 'sending';--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "secret_url" text;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "secret_viewer" text;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "claimed_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "email_outbox_due_idx" ON "email_outbox" USING btree ("status","next_attempt_at");