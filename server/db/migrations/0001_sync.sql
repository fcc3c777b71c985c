DROP INDEX "finding_events_finding_idx";--> statement-breakpoint
ALTER TABLE "finding_events" ADD COLUMN "ordinal" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "mutations" ADD COLUMN "ip" text;--> statement-breakpoint
CREATE INDEX "changes_park_seq_idx" ON "changes" USING btree ("park_id","seq");--> statement-breakpoint
CREATE INDEX "mutations_received_idx" ON "mutations" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "finding_events_finding_idx" ON "finding_events" USING btree ("finding_id","ordinal");