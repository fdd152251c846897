DROP INDEX `outbox_pending_idx`;--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`platform`,`done_at`,`not_before`);