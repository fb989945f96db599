-- How the page was turned before it was read (kz.hattama.image.PageTurn): scanners feed pages upside down and phones
-- lose their orientation tag. The stored boxes are on the turned page, so whatever cuts crops from the original scan
-- again (the evidence bundle) must turn it the same way first.
ALTER TABLE protocol ADD COLUMN page_turn text NOT NULL DEFAULT 'NONE'
    CHECK (page_turn IN ('NONE', 'HALF', 'CLOCKWISE', 'COUNTERCLOCKWISE'));
