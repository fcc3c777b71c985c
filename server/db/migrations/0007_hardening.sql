CREATE TABLE "attachment_reservations" (
	"attachment_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"reserved_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"attempts" timestamp with time zone[] NOT NULL,
	"admitted" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mutations" DROP CONSTRAINT "mutations_pkey";--> statement-breakpoint
ALTER TABLE "mutations" ADD CONSTRAINT "mutations_user_id_id_pk" PRIMARY KEY("user_id","id");--> statement-breakpoint
ALTER TABLE "attachment_reservations" ADD CONSTRAINT "attachment_reservations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_uploader_idx" ON "attachments" USING btree ("uploaded_by","uploaded_at");--> statement-breakpoint
CREATE INDEX "attachments_uploaded_idx" ON "attachments" USING btree ("uploaded_at");