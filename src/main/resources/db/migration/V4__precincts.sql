-- The official precinct list, imported from the election commission's CSV. A protocol links to its precinct by number
-- (protocol.precinct as read, compared without leading zeros), so results roll up region → district → precinct. The
-- link is not a foreign key: a protocol may name a precinct the list lacks, and that must be flagged, not refused.
CREATE TABLE precinct (
    number      text        PRIMARY KEY,  -- digits without leading zeros: '0237' and '237' are one precinct
    region      text,                     -- oblast, or a city of republican significance
    district    text,
    city        text,
    address     text,
    imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX precinct_region_district ON precinct (region, district);
