ALTER TABLE "findings" DROP CONSTRAINT "findings_park_id_parks_id_fk";
--> statement-breakpoint
ALTER TABLE "findings" DROP CONSTRAINT "findings_enterprise_id_enterprises_id_fk";
--> statement-breakpoint
ALTER TABLE "findings" DROP CONSTRAINT "findings_template_id_templates_id_fk";
--> statement-breakpoint
DROP INDEX "findings_park_observed_idx";--> statement-breakpoint
DROP INDEX "findings_observed_idx";