-- Each finding stores when its due date ends (the first instant of the next day in PARKCHECK_TZ).
-- A migration cannot know the deployment's zone: existing rows get their end in Asia/Shanghai (the
-- default), meta 'dueEndZone' says so, and start-up (server/bootstrap.ts) recomputes every end when
-- the configured zone is another.
DROP INDEX "findings_report_time_idx";--> statement-breakpoint
DROP INDEX "findings_report_park_idx";--> statement-breakpoint
ALTER TABLE "findings" ADD COLUMN "due_end_at" timestamp with time zone;--> statement-breakpoint
UPDATE "findings" SET "due_end_at" = ("due_date" + 1)::timestamp AT TIME ZONE 'Asia/Shanghai';--> statement-breakpoint
ALTER TABLE "findings" ALTER COLUMN "due_end_at" SET NOT NULL;--> statement-breakpoint
INSERT INTO "meta" ("key", "value") VALUES ('dueEndZone', '"Asia/Shanghai"');--> statement-breakpoint
CREATE INDEX "findings_report_time_idx" ON "findings" USING btree ("observed_at","park_id","status","severity","category","due_date","due_end_at","rectified_at","id");--> statement-breakpoint
CREATE INDEX "findings_report_park_idx" ON "findings" USING btree ("park_id","observed_at","status","severity","category","due_date","due_end_at","rectified_at","id");
