-- The election commission's published results, one row per precinct, imported from its CSV (`official import`) to be
-- set beside the protocols observers photographed. The figures are keyed by the form's field keys, so another form
-- needs no other table; like the precinct list, the link to protocols is the number, not a foreign key.
CREATE TABLE official_result (
    precinct    text        PRIMARY KEY,  -- as precinct.number: without «№», spaces and leading zeros
    figures     jsonb       NOT NULL,     -- {"voters_total": 2170, …}, every field of the form
    source_line int         NOT NULL,     -- the line of the imported file, for a person to find it there
    imported_at timestamptz NOT NULL DEFAULT now()
);
