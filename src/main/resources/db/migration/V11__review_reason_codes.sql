-- Review reasons become codes with arguments (kz.hattama.protocol.ReviewReason), stored as jsonb:
-- [{"code": "failed_check", "args": ["votes_balance"]}, …]. Until now they were English text, "; " between reasons,
-- which the web app parsed back to translate. Each stored text is converted here, once: a part that matches no
-- wording the reconciler ever wrote is kept as a "note", shown as it is.

CREATE FUNCTION hattama_v11_reason(part text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    m text[];
    fixed CONSTANT text[][] := ARRAY[
        ['unreadable zone', 'unreadable'],
        ['not read', 'not_read'],
        ['digits unreadable', 'digits_unreadable'],
        ['words unreadable', 'words_unreadable'],
        ['digits ≠ words', 'disagree'],
        ['label not found next to the zone', 'not_anchored'],
        ['chosen from alternatives to fit the checks', 'fit_checks'],
        ['precinct not read', 'precinct_unread'],
        ['precinct number not found beside the form''s words', 'precinct_unanchored'],
        ['ink beside the precinct number', 'precinct_ink'],
        ['precinct read before it was checked', 'precinct_unchecked']];
    patterns CONSTANT text[][] := ARRAY[
        ['^low confidence \(digits ([0-9.]+), words ([0-9.]+)\)$', 'low_confidence'],
        ['^low confidence \(digits ([0-9.]+), words ([0-9.]+), words check ([0-9.]+)\)$', 'low_confidence_checked'],
        ['^words check ([0-9.]+) below the bar of a figure only inequalities check$', 'weak_words_check'],
        ['^failed check (\w+)$', 'failed_check'],
        ['^precinct readings disagree: (.+)$', 'precinct_disagree'],
        ['^precinct not read by (.+)$', 'precinct_blind'],
        ['^precinct read too few times \((\d+)\)$', 'precinct_few'],
        ['^implausible precinct number (.+)$', 'precinct_implausible'],
        ['^precinct low confidence \(([0-9.]+)\)$', 'precinct_low_confidence']];
BEGIN
    FOR i IN 1 .. array_length(fixed, 1) LOOP
        IF part = fixed[i][1] THEN
            RETURN jsonb_build_object('code', fixed[i][2], 'args', '[]'::jsonb);
        END IF;
    END LOOP;
    FOR i IN 1 .. array_length(patterns, 1) LOOP
        m := regexp_match(part, patterns[i][1]);
        IF m IS NOT NULL THEN
            RETURN jsonb_build_object('code', patterns[i][2], 'args', to_jsonb(m));
        END IF;
    END LOOP;
    RETURN jsonb_build_object('code', 'note', 'args', jsonb_build_array(part));
END
$$;

CREATE FUNCTION hattama_v11_reasons(stored text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN stored IS NULL OR btrim(stored) = '' THEN NULL
           ELSE (SELECT jsonb_agg(hattama_v11_reason(btrim(part)) ORDER BY n)
                   FROM regexp_split_to_table(stored, ';\s*') WITH ORDINALITY AS t(part, n)
                  WHERE btrim(part) <> '')
           END
$$;

ALTER TABLE protocol_field ALTER COLUMN reason TYPE jsonb USING hattama_v11_reasons(reason);
ALTER TABLE protocol ALTER COLUMN precinct_reason TYPE jsonb USING hattama_v11_reasons(precinct_reason);

DROP FUNCTION hattama_v11_reasons(text);
DROP FUNCTION hattama_v11_reason(text);
