ALTER TABLE "certificates" DROP CONSTRAINT "certificates_enrolment_id_enrolments_id_fk";
--> statement-breakpoint
ALTER TABLE "certificates" ALTER COLUMN "enrolment_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE set null ON UPDATE no action;