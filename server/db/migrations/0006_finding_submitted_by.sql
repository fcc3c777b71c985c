ALTER TABLE "findings" ADD COLUMN "submitted_by" uuid;--> statement-breakpoint
-- Rectifications awaiting re-inspection before this column existed: their submitter is the latest rectify event's actor.
UPDATE "findings" f SET "submitted_by" = (
  SELECT e."actor_id" FROM "finding_events" e
  WHERE e."finding_id" = f."id" AND e."type" = 'rectify'
  ORDER BY e."ordinal" DESC LIMIT 1
) WHERE f."status" = 'submitted';
