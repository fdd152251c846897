ALTER TABLE `teams` ADD `service_url` text;--> statement-breakpoint
ALTER TABLE `teams` ADD `tenant_id` text;