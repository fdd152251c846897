CREATE TABLE `form_submissions` (
	`platform` text NOT NULL,
	`form_id` text NOT NULL,
	`request_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`platform`, `form_id`),
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action
);
