CREATE TABLE `outcome_unit_costs` (
	`outcome` text PRIMARY KEY NOT NULL,
	`cents` integer NOT NULL,
	`source` text NOT NULL,
	`set_by` text NOT NULL,
	`set_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `signal_teams` (
	`signal_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	PRIMARY KEY(`signal_id`, `team_id`),
	FOREIGN KEY (`signal_id`) REFERENCES `signals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `signal_teams_team_idx` ON `signal_teams` (`team_id`);--> statement-breakpoint
CREATE TABLE `signals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`platform` text NOT NULL,
	`workspace_id` text NOT NULL,
	`category_slug` text,
	`title` text NOT NULL,
	`status` text DEFAULT 'signalled' NOT NULL,
	`source` text NOT NULL,
	`month` text,
	`discussed_with` text,
	`discussed_on` text,
	`measure_text` text,
	`measure_owner` text,
	`measure_date` text,
	`evaluation` text,
	`closed_reason` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `signals_scope_idx` ON `signals` (`platform`,`workspace_id`,`status`);--> statement-breakpoint
ALTER TABLE `requests` ADD `prevented` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `prevented_at` integer;--> statement-breakpoint
CREATE INDEX `requests_prevented_idx` ON `requests` (`prevented_at`,`team_id`);