-- activity: the event's own fields as JSON (funder, amount, description, change...), so that a page can say what
-- happened in its own language instead of showing the English summary. Entries recorded before this stay without
-- (a rebuild of the activity projection fills them in).
ALTER TABLE activity_entry ADD COLUMN details VARCHAR;
