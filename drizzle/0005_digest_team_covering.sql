DROP INDEX `requests_team_status_idx`;--> statement-breakpoint
DROP INDEX `requests_team_status_decided_idx`;--> statement-breakpoint
CREATE INDEX `requests_team_status_decided_idx` ON `requests` (`team_id`,`status`,`decided_at`,`category_id`,`amount_cents`,`suggested_category_id`,`created_at`,`closed_at`);