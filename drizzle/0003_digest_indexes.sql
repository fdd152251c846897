DROP INDEX `requests_status_created_idx`;--> statement-breakpoint
CREATE INDEX `requests_status_decided_idx` ON `requests` (`status`,`decided_at`,`team_id`,`category_id`,`amount_cents`,`suggested_category_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `requests_team_status_decided_idx` ON `requests` (`team_id`,`status`,`decided_at`);--> statement-breakpoint
CREATE INDEX `requests_status_closed_idx` ON `requests` (`status`,`closed_at`,`team_id`);--> statement-breakpoint
CREATE INDEX `requests_status_created_idx` ON `requests` (`status`,`created_at`,`team_id`,`amount_cents`);