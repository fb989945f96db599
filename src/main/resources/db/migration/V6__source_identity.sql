-- A file whose content is not kept (over the size limit, unreadable, a refused zip) has no content hash to give:
-- `sha256` is now only ever the hash of the bytes kept in scan_blob (null when none are), and `identity` is what tells
-- a re-sent file apart, for every file: the content's SHA-256 when it is kept, else a key derived from what was read.
ALTER TABLE source_file ADD COLUMN identity char(64);
UPDATE source_file SET identity = sha256;
ALTER TABLE source_file ALTER COLUMN identity SET NOT NULL;
ALTER TABLE source_file ALTER COLUMN sha256 DROP NOT NULL;
CREATE INDEX source_file_identity ON source_file (identity);
