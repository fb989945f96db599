-- The precinct number is a figure like the others: its status (VERIFIED, NEEDS_REVIEW, REVIEWED; null for a
-- rejected file), how far its looks back it, and why it needs a person. Only a VERIFIED or REVIEWED number files a
-- protocol under a precinct (the list's place, merging, precinct flags).
ALTER TABLE protocol ADD COLUMN precinct_status text
    CHECK (precinct_status IN ('VERIFIED', 'NEEDS_REVIEW', 'REVIEWED'));
ALTER TABLE protocol ADD COLUMN precinct_confidence double precision;
ALTER TABLE protocol ADD COLUMN precinct_reason text;

-- Protocols read before the number was checked: a person who signed one off saw the number at the top of the page;
-- any other was never checked, so it is not VERIFIED any more, and neither is its protocol.
UPDATE protocol SET precinct_status = 'REVIEWED' WHERE status = 'REVIEWED';
UPDATE protocol SET precinct_status = 'NEEDS_REVIEW', precinct_reason = 'precinct read before it was checked'
 WHERE status IN ('VERIFIED', 'NEEDS_REVIEW');
UPDATE protocol SET status = 'NEEDS_REVIEW' WHERE status = 'VERIFIED';
