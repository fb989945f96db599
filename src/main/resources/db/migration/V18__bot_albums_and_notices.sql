-- The messenger bot, continued (issue 18).

-- A file sent as part of an album (Telegram's media_group_id) is stored in the bot's album folder first, its update
-- confirmed, and the album becomes one upload once no part has come for a few seconds: batch_id stays null until then.
ALTER TABLE messenger_file ADD COLUMN media_group text;
CREATE INDEX messenger_file_album ON messenger_file (messenger, chat_id, media_group)
    WHERE batch_id IS NULL AND media_group IS NOT NULL;

-- A reviewer's sign-off of a protocol that came in through the bot is told to its chat once: a row here says it was.
-- The bot looks for sign-offs not yet told, so the review stage knows nothing of the bot. No foreign key to
-- review_signoff: that history is append-only and refuses TRUNCATE by its own trigger, which a reference from here
-- would pre-empt with a foreign-key error.
CREATE TABLE messenger_review_notice (
    signoff_id bigint      PRIMARY KEY,
    messenger  text        NOT NULL,
    chat_id    text        NOT NULL,
    sent_at    timestamptz NOT NULL DEFAULT now()
);
