-- The messenger bot (issue 18): observers are invited by an admin, link their chat with the one-time code, and send
-- protocols that join the same upload queue as the web page's.

ALTER TABLE upload_batch DROP CONSTRAINT upload_batch_origin_check;
ALTER TABLE upload_batch ADD CONSTRAINT upload_batch_origin_check CHECK (origin IN ('WEB', 'API', 'CONSUME', 'BOT'));

-- A one-time code: only its hash is kept, so a leaked database links no account.
CREATE TABLE bot_invite (
    code_sha256 char(64)    PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES app_user (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    used_at     timestamptz
);

-- A chat linked to a volunteer; an admin's unlink sets unlinked_at and the chat is refused from then on.
CREATE TABLE messenger_link (
    messenger   text        NOT NULL,
    chat_id     text        NOT NULL,
    user_id     bigint      NOT NULL REFERENCES app_user (id),
    language    text        NOT NULL CHECK (language IN ('ru', 'kk')),
    linked_at   timestamptz NOT NULL DEFAULT now(),
    unlinked_at timestamptz,
    PRIMARY KEY (messenger, chat_id)
);

-- Updates and files already taken, so that an update read again after a crash, or the same file sent twice, is
-- stored once. batch_id is the upload the file went to; replied_at says its reply was sent.
CREATE TABLE messenger_file (
    messenger      text        NOT NULL,
    chat_id        text        NOT NULL,
    file_unique_id text        NOT NULL,
    batch_id       bigint      REFERENCES upload_batch (id),
    received_at    timestamptz NOT NULL DEFAULT now(),
    replied_at     timestamptz,
    PRIMARY KEY (messenger, chat_id, file_unique_id)
);
CREATE INDEX messenger_file_unreplied ON messenger_file (batch_id) WHERE replied_at IS NULL;
