-- An uploaded file, one row per file seen by a job's intake; (job_instance_id, seq) makes a restarted intake
-- find the rows it already wrote instead of adding them twice.
CREATE TABLE source_file (
    id              bigserial PRIMARY KEY,
    job_instance_id bigint      NOT NULL,
    seq             int         NOT NULL,
    name            text        NOT NULL,  -- as the volunteer gave it; inside a zip 'upload.zip!/folder/a.jpg'
    sha256          char(64)    NOT NULL,
    size_bytes      bigint      NOT NULL,
    media_type      text,
    state           text        NOT NULL CHECK (state IN ('PENDING', 'DONE')),
    duplicate_of    bigint      REFERENCES source_file (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (job_instance_id, seq)
);
CREATE INDEX source_file_sha256 ON source_file (sha256);
CREATE INDEX source_file_job_state ON source_file (job_instance_id, state);

-- Scans are stored once per content: the same photo uploaded twice costs one copy.
CREATE TABLE scan_blob (
    sha256 char(64) PRIMARY KEY,
    bytes  bytea    NOT NULL
);

-- One page of a source read as a protocol, or the rejection of a page or of the whole file (page_no 0).
CREATE TABLE protocol (
    id                bigserial PRIMARY KEY,
    uid               text        NOT NULL UNIQUE,  -- stable export id, derived from the source's sha256
    source_id         bigint      NOT NULL REFERENCES source_file (id),
    page_no           int         NOT NULL,
    form              text,                         -- null for a rejection: the page was not read as the form
    lang              text,
    precinct          text,
    address           text,
    status            text        NOT NULL CHECK (status IN ('VERIFIED', 'NEEDS_REVIEW', 'REVIEWED', 'REJECTED')),
    rejection_code    text,
    rejection_message text,
    version           int         NOT NULL DEFAULT 0,  -- optimistic lock for review edits
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (source_id, page_no),
    CHECK ((status = 'REJECTED') = (rejection_code IS NOT NULL))
);

CREATE TABLE protocol_field (
    protocol_id bigint           NOT NULL REFERENCES protocol (id) ON DELETE CASCADE,
    key         text             NOT NULL,
    ordinal     int              NOT NULL,  -- form order, so an export lists the fields as the form does
    value       int,
    digits      int,
    words       int,
    digits_text text,
    words_text  text,
    confidence  double precision,
    status      text             NOT NULL CHECK (status IN ('VERIFIED', 'NEEDS_REVIEW', 'REVIEWED')),
    reason      text,
    box_x       int,
    box_y       int,
    box_w       int,
    box_h       int,
    PRIMARY KEY (protocol_id, key)
);

CREATE TABLE protocol_check (
    protocol_id bigint  NOT NULL REFERENCES protocol (id) ON DELETE CASCADE,
    ordinal     int     NOT NULL,
    check_id    text    NOT NULL,
    field       text,              -- set for checks that exist once per field (words_match)
    passed      boolean NOT NULL,
    detail      text,
    PRIMARY KEY (protocol_id, ordinal)
);

CREATE TABLE protocol_flag (
    protocol_id bigint NOT NULL REFERENCES protocol (id) ON DELETE CASCADE,
    ordinal     int    NOT NULL,
    flag_id     text   NOT NULL,
    detail      text,
    PRIMARY KEY (protocol_id, ordinal)
);
