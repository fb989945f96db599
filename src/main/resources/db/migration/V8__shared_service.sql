-- The web app as a service shared by many people: sessions that end when an account changes, throttled logins,
-- per-user upload quotas and a queue that is fair between users.

-- Raised whenever a change must end the user's sessions (password set, role changed, account disabled). A session
-- remembers the number it started with; a request whose session holds an older one is signed out. Kept in the
-- database, so a change made by `hattama user passwd` in another JVM ends the server's sessions too.
ALTER TABLE app_user ADD COLUMN credentials_version int NOT NULL DEFAULT 0;

-- Failed logins, by the login typed and the address it came from, for the throttle. Rows older than the window are
-- deleted as new ones come; in the database so that a restart does not hand an attacker a fresh count.
CREATE TABLE login_failure (
    id      bigserial PRIMARY KEY,
    login   text        NOT NULL,
    address text        NOT NULL,
    at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failure_login ON login_failure (login, at);
CREATE INDEX login_failure_address ON login_failure (address, at);
CREATE INDEX login_failure_at ON login_failure (at);

-- When the queue handed a batch to digitizeJob: the queue serves next the user it served least recently.
ALTER TABLE upload_batch ADD COLUMN started_at timestamptz;
CREATE INDEX upload_batch_started ON upload_batch (started_at);
-- Quotas sum a user's recent uploads.
CREATE INDEX upload_batch_user_created ON upload_batch (user_id, created_at);
