-- Migration 004: the last passing server check of a credential (contract sections 6 and 14),
-- as its summary shows it: { status, credit?, expiresAt?, checkedAt }, never the models.
-- NULL when none passed for the saved key (every row before this migration).
ALTER TABLE credentials ADD COLUMN last_check jsonb;
