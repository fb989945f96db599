-- One side of a protocol printed on both sides of the sheet, as read, until it is joined with its other side
-- (and afterwards, so that a side arriving later can be joined and the protocol reconciled again from both readings).
CREATE TABLE side_page (
    id          bigserial   PRIMARY KEY,
    source_id   bigint      NOT NULL REFERENCES source_file (id),
    page_no     int         NOT NULL,
    side        int         NOT NULL,
    reading     jsonb       NOT NULL,  -- the page's readings before reconciling (kz.hattama.protocol.PageReading)
    jpeg        bytea,                 -- the normalized page the field boxes are on
    page_turn   text        NOT NULL DEFAULT 'NONE',
    protocol_id bigint      REFERENCES protocol (id),
    ordinal     int,                   -- its place among its protocol's pages (see protocol_page)
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (source_id, page_no)
);
CREATE INDEX side_page_protocol ON side_page (protocol_id);

-- The pages a protocol was read from after the first (protocol.source_id, protocol.page_no): the other side of a
-- two-sided protocol. Ordinal 0 is the protocol's own page and has no row here.
CREATE TABLE protocol_page (
    protocol_id bigint NOT NULL REFERENCES protocol (id) ON DELETE CASCADE,
    ordinal     int    NOT NULL CHECK (ordinal > 0),
    source_id   bigint NOT NULL REFERENCES source_file (id),
    page_no     int    NOT NULL,
    PRIMARY KEY (protocol_id, ordinal),
    UNIQUE (source_id, page_no)
);

-- Which of the protocol's pages (its ordinal above) a field's box is on.
ALTER TABLE protocol_field ADD COLUMN page int NOT NULL DEFAULT 0;

-- Where the commission's signatures are ({"x", "y", "width", "height", "page"}), for a reviewer to see why `signed`
-- passed or failed; null where the signature lines were not found.
ALTER TABLE protocol ADD COLUMN signature_box jsonb;

-- A reviewer's upload of a protocol's missing side: the sides it brings join that protocol, whatever number they show.
ALTER TABLE upload_batch ADD COLUMN attach_to bigint REFERENCES protocol (id);
