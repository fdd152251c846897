CREATE TABLE `approvals` (
	`request_id` integer NOT NULL,
	`approver_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`request_id`, `approver_id`),
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text NOT NULL,
	`action` text NOT NULL,
	`team_id` integer,
	`request_id` integer,
	`detail` text DEFAULT '{}' NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_request_idx` ON `audit_log` (`request_id`);--> statement-breakpoint
CREATE TABLE `categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer,
	`slug` text NOT NULL,
	`label_nl` text NOT NULL,
	`label_en` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_team_slug_uq` ON `categories` (`team_id`,`slug`);--> statement-breakpoint
CREATE TABLE `job_runs` (
	`key` text PRIMARY KEY NOT NULL,
	`claimed_at` integer NOT NULL,
	`done_at` integer
);
--> statement-breakpoint
CREATE TABLE `objections` (
	`request_id` integer NOT NULL,
	`objector_id` text NOT NULL,
	`reason` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`request_id`, `objector_id`),
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`platform` text NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`coalesce_key` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`not_before` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`done_at` integer
);
--> statement-breakpoint
CREATE INDEX `outbox_pending_idx` ON `outbox` (`done_at`,`not_before`);--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_coalesce_uq` ON `outbox` (`coalesce_key`) WHERE "outbox"."done_at" is null and "outbox"."coalesce_key" is not null;--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`supplier_name` text NOT NULL,
	`supplier_iban` text NOT NULL,
	`category_id` integer,
	`approvers` text NOT NULL,
	`recorded_at` integer NOT NULL,
	`exported_at` integer,
	`export_batch` text,
	`paid_at` integer,
	`paid_by` text,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_request_uq` ON `payments` (`request_id`);--> statement-breakpoint
CREATE INDEX `payments_recorded_idx` ON `payments` (`recorded_at`);--> statement-breakpoint
CREATE TABLE `processed_events` (
	`event_id` text PRIMARY KEY NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reactions` (
	`request_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`emoji` text NOT NULL,
	`kind` text NOT NULL,
	`present` integer NOT NULL,
	`version` integer NOT NULL,
	`event_ts` text NOT NULL,
	PRIMARY KEY(`request_id`, `user_id`, `emoji`),
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`requester_id` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`description` text NOT NULL,
	`supplier_name` text NOT NULL,
	`supplier_iban` text NOT NULL,
	`category_id` integer,
	`suggested_category_id` integer,
	`case_ref` text NOT NULL,
	`reason` text NOT NULL,
	`reason_text` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`channel_id` text NOT NULL,
	`message_ts` text,
	`closed_reason` text,
	`closed_kind` text,
	`created_at` integer NOT NULL,
	`decided_at` integer,
	`closed_at` integer,
	`reminded_at` integer,
	`purged_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`suggested_category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `requests_message_uq` ON `requests` (`channel_id`,`message_ts`);--> statement-breakpoint
CREATE INDEX `requests_team_status_idx` ON `requests` (`team_id`,`status`);--> statement-breakpoint
CREATE INDEX `requests_team_created_idx` ON `requests` (`team_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `requests_team_case_idx` ON `requests` (`team_id`,`case_ref`);--> statement-breakpoint
CREATE INDEX `requests_status_created_idx` ON `requests` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `team_budgets` (
	`team_id` integer NOT NULL,
	`year` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	`set_by` text NOT NULL,
	`set_at` integer NOT NULL,
	PRIMARY KEY(`team_id`, `year`),
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`platform` text NOT NULL,
	`workspace_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`limit_cents` integer DEFAULT 50000 NOT NULL,
	`approvals_needed` integer DEFAULT 3 NOT NULL,
	`household_cap_cents` integer DEFAULT 50000,
	`approval_emoji` text DEFAULT 'white_check_mark,heavy_check_mark,+1' NOT NULL,
	`objection_emoji` text DEFAULT 'x,raised_hand' NOT NULL,
	`reminder_working_days` integer DEFAULT 2 NOT NULL,
	`expiry_days` integer DEFAULT 14 NOT NULL,
	`digest_channel_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_channel_uq` ON `teams` (`platform`,`workspace_id`,`channel_id`);