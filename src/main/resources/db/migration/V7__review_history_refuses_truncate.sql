-- The review history is evidence (V3 refuses UPDATE and DELETE of its rows), but TRUNCATE fires no row trigger: one
-- statement, `truncate review_change` or a `truncate protocol cascade` that reaches both tables through their
-- foreign keys, would empty it. A statement-level trigger refuses that too, with the same message.
CREATE TRIGGER review_signoff_no_truncate BEFORE TRUNCATE ON review_signoff
    FOR EACH STATEMENT EXECUTE FUNCTION review_history_is_append_only();
CREATE TRIGGER review_change_no_truncate BEFORE TRUNCATE ON review_change
    FOR EACH STATEMENT EXECUTE FUNCTION review_history_is_append_only();
