-- The web app: people, their API tokens, their uploads, the pages reviewers look at and what reviewers changed.

CREATE TABLE app_user (
    id            bigserial PRIMARY KEY,
    login         text        NOT NULL UNIQUE,
    password_hash text        NOT NULL,  -- BCrypt
    role          text        NOT NULL CHECK (role IN ('VOLUNTEER', 'REVIEWER', 'ADMIN')),
    locale        text,                  -- the interface language the user chose; null until they choose
    enabled       boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- A token is shown once when made; only its hash is kept, so a leaked database does not leak working tokens.
CREATE TABLE api_token (
    id           bigserial PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES app_user (id),
    label        text        NOT NULL,
    token_sha256 char(64)    NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_token_user ON api_token (user_id);

-- One upload request (web page, API or consume folder): its files wait in a folder of their own until digitizeJob
-- has read them. Batches run one after another in id order, since one digitize runs at a time per database.
CREATE TABLE upload_batch (
    id              bigserial PRIMARY KEY,
    user_id         bigint      REFERENCES app_user (id),  -- null: a consume-folder file nobody owns
    origin          text        NOT NULL CHECK (origin IN ('WEB', 'API', 'CONSUME')),
    folder          text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    job_instance_id bigint,                                -- the digitizeJob instance that reads it, once started
    attempts        int         NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz
);
CREATE INDEX upload_batch_state ON upload_batch (state, id);
CREATE INDEX upload_batch_user ON upload_batch (user_id, id);
CREATE UNIQUE INDEX upload_batch_job ON upload_batch (job_instance_id);

-- A file of a batch as it was sent. Its name is unique in the batch and is the name the job's intake gives it, so
-- source_file rows find their upload by (job_instance_id, name), or by the zip prefix for the entries of a zip.
CREATE TABLE upload_file (
    id         bigserial PRIMARY KEY,
    batch_id   bigint NOT NULL REFERENCES upload_batch (id),
    seq        int    NOT NULL,
    name       text   NOT NULL,
    size_bytes bigint NOT NULL,
    UNIQUE (batch_id, seq),
    UNIQUE (batch_id, name)
);

-- The normalized page a protocol was read from: the field boxes are on this picture, not on the upload.
CREATE TABLE page_image (
    protocol_id bigint PRIMARY KEY REFERENCES protocol (id) ON DELETE CASCADE,
    jpeg        bytea  NOT NULL
);

-- A reviewer signing a protocol off (who, when), and the figures they changed on the way (field, from, to). Both are
-- append-only: the history is evidence, so rows are never updated or deleted (enforced below).
CREATE TABLE review_signoff (
    id           bigserial PRIMARY KEY,
    protocol_id  bigint      NOT NULL REFERENCES protocol (id),
    reviewer_id  bigint      NOT NULL REFERENCES app_user (id),
    reviewer     text        NOT NULL,  -- the login at the time, so the record reads the same if a user is renamed
    version      int         NOT NULL,  -- protocol.version this sign-off produced
    at           timestamptz NOT NULL DEFAULT now(),
    UNIQUE (protocol_id, version)
);

CREATE TABLE review_change (
    id          bigserial PRIMARY KEY,
    signoff_id  bigint      NOT NULL REFERENCES review_signoff (id),
    protocol_id bigint      NOT NULL REFERENCES protocol (id),
    field       text        NOT NULL,
    from_value  int,
    to_value    int
);
CREATE INDEX review_change_protocol ON review_change (protocol_id, id);

CREATE FUNCTION review_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'review history is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END
$$;
CREATE TRIGGER review_signoff_append_only BEFORE UPDATE OR DELETE ON review_signoff
    FOR EACH ROW EXECUTE FUNCTION review_history_is_append_only();
CREATE TRIGGER review_change_append_only BEFORE UPDATE OR DELETE ON review_change
    FOR EACH ROW EXECUTE FUNCTION review_history_is_append_only();

-- The review queue: protocols that need a person, most problems first.
CREATE INDEX protocol_status ON protocol (status, id);
