-- The default Dutch category list (English labels beside). Teams add their own rows with team_id set.
INSERT INTO categories (team_id, slug, label_nl, label_en, active) VALUES (NULL, 'mondzorg', 'Mondzorg / tandarts', 'Dental care', 1);--> statement-breakpoint
INSERT INTO categories (team_id, slug, label_nl, label_en, active) VALUES (NULL, 'documenten', 'Identiteitsbewijs en documenten', 'ID and documents', 1);--> statement-breakpoint
INSERT INTO categories (team_id, slug, label_nl, label_en, active) VALUES (NULL, 'witgoed', 'Witgoed en huishoudelijke apparaten', 'White goods and appliances', 1);--> statement-breakpoint
INSERT INTO categories (team_id, slug, label_nl, label_en, active) VALUES (NULL, 'woning', 'Woning en veiligheid (slotenmaker, reparatie)', 'Home and safety (locksmith, repairs)', 1);--> statement-breakpoint
INSERT INTO categories (team_id, slug, label_nl, label_en, active) VALUES (NULL, 'huur_energie', 'Huur- en energieachterstand', 'Rent and energy arrears', 1);--> statement-breakpoint
INSERT INTO categories (team_id, slug, label_nl, label_en, active) VALUES (NULL, 'schuld', 'Oude schuld (schuldregeling redden)', 'Old debt (saving a debt arrangement)', 1);--> statement-breakpoint
INSERT INTO categories (team_id, slug, label_nl, label_en, active) VALUES (NULL, 'werk', 'Werk en re-integratie (werkkleding, rijbewijs, scooterbewijs)', 'Work and re-integration', 1);--> statement-breakpoint
INSERT INTO categories (team_id, slug, label_nl, label_en, active) VALUES (NULL, 'vervoer', 'Vervoer (ov, fiets)', 'Transport (public transport, bicycle)', 1);--> statement-breakpoint
INSERT INTO categories (team_id, slug, label_nl, label_en, active) VALUES (NULL, 'kleding', 'Kleding', 'Clothing', 1);--> statement-breakpoint
INSERT INTO categories (team_id, slug, label_nl, label_en, active) VALUES (NULL, 'kinderen', 'Kinderen en school', 'Children and school', 1);--> statement-breakpoint
INSERT INTO categories (team_id, slug, label_nl, label_en, active) VALUES (NULL, 'zorg', 'Zorg en medisch (eigen bijdrage, hulpmiddel)', 'Care and medical', 1);--> statement-breakpoint
INSERT INTO categories (team_id, slug, label_nl, label_en, active) VALUES (NULL, 'noodhulp', 'Levensonderhoud / noodhulp', 'Living costs / emergency aid', 1);--> statement-breakpoint
INSERT INTO categories (team_id, slug, label_nl, label_en, active) VALUES (NULL, 'overig', 'Overig', 'Other', 1);
