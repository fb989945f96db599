package kz.hattama.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import kz.hattama.form.FieldDef;
import kz.hattama.form.FormDefinition;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dev-set scorer, devset-generator/score.py, in Java, so the pipeline can score itself without Python, plus the
 * precinct number's own figures (score.py has none: its records carry no precinct status). It keeps
 * score.py's semantics, quirks included (the last export naming a file wins; "precinct" compares as Python's str()
 * with leading zeros stripped; value equality is Python's, where 2170.0 equals 2170): the two must give the same
 * figures. The fields scored are the form's; the truth's {@code parties}, numbered from 1 by {@code line}, are the
 * rows of the form's table in order.
 */
public final class Scorer {

    private Scorer() {
    }

    public static Score score(FormDefinition form, Path truth, Path exportJsonl) throws IOException {
        return score(form, truth, readJsonl(exportJsonl));
    }

    public static Score score(FormDefinition form, Path truth, List<? extends JsonNode> export) throws IOException {
        Map<String, JsonNode> truths = new LinkedHashMap<>();
        for (JsonNode t : readJsonl(truth)) {
            truths.put(t.get("file").asText(), t);
        }
        return score(form, truths, export);
    }

    /** Export records as written by {@link JsonlExporter}. */
    public static Score scoreRecords(FormDefinition form, Path truth, List<ExportRecord> export) throws IOException {
        return score(form, truth, export.stream().map(r -> (JsonNode) Json.MAPPER.valueToTree(r)).toList());
    }

    static List<JsonNode> readJsonl(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank()) {
                    nodes.add(Json.MAPPER.readTree(line));
                }
            }
        }
        return nodes;
    }

    private static Score score(FormDefinition form, Map<String, JsonNode> truths, List<? extends JsonNode> export) {
        List<String> keys = form.keys();
        List<FieldDef> rows = form.tableFields();
        Map<String, JsonNode> byFile = new LinkedHashMap<>();
        for (JsonNode e : export) {
            JsonNode files = e.path("source_files");
            List<JsonNode> names = new ArrayList<>();
            if (truthy(files)) {
                files.forEach(names::add);
            } else {
                names.add(e.path("source_file"));
            }
            for (JsonNode s : names) {
                if (truthy(s)) {
                    byFile.putIfAbsent(basename(s.asText().split("#", 2)[0]), e);
                }
            }
        }
        int nFields = 0, correct = 0, accepted = 0, acceptedOk = 0;
        int protOk = 0, straight = 0, clean = 0, viol = 0, violCaught = 0, falseAlarm = 0, missing = 0, precOk = 0;
        int precAccepted = 0, precWrongAccepted = 0;
        int two = 0, joined = 0, incomplete = 0, incompleteCaught = 0, unsigned = 0, unsignedCaught = 0;
        int paperAlarm = 0, paperClean = 0;
        boolean paperwork = truths.values().stream().anyMatch(t -> t.has("files"));
        Map<String, Integer> held = new LinkedHashMap<>();
        for (String h : List.of("digits_misread", "words_misread", "both_misread", "both_right_held")) {
            held.put(h, 0);
        }
        List<String> side1 = keys.stream().filter(k -> form.layout().sideOf(k) == 1).toList();
        List<String> laterSides = keys.stream().filter(k -> form.layout().sideOf(k) != 1).toList();
        String sidesCheck = form.checkOfKind(kz.hattama.form.CheckDef.SIDES).map(kz.hattama.form.CheckDef::id).orElse("pages_complete");
        String signedCheck = form.checkOfKind(kz.hattama.form.CheckDef.SIGNATURES).map(kz.hattama.form.CheckDef::id).orElse("signed");
        Map<String, int[]> byKind = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : truths.entrySet()) {
            JsonNode t = entry.getValue();
            Map<String, JsonNode> expected = new LinkedHashMap<>();
            t.path("fields").fields().forEachRemaining(f -> expected.put(f.getKey(), f.getValue()));
            for (JsonNode p : t.path("parties")) {
                int row = p.path("line").asInt() - 1;
                // score.py files it under a key no form field has, so it is never scored
                if (row >= 0 && row < rows.size()) {
                    expected.put(rows.get(row).key(), p.get("votes"));
                }
            }
            int missingSide = t.path("missing_side").asInt(0);
            List<String> absent = missingSide == 1 ? side1 : missingSide >= 2 ? laterSides : List.of();
            JsonNode e = byFile.get(entry.getKey());
            if (e == null) {
                missing++;
            }
            JsonNode got = e == null || !truthy(e.path("fields")) ? MissingNode.getInstance() : e.path("fields");
            JsonNode wordsDiffer = t.path("words_differ");
            boolean allOk = true, allVerified = true;
            for (String k : keys) {
                nFields++;
                JsonNode g = got.path(k);
                boolean ok = pyEquals(g.path("value"), absent.contains(k) ? NullNode.getInstance() : expected.get(k));
                boolean wd = truthy(wordsDiffer) && wordsDiffer.path("field").asText().equals(k);
                correct += ok ? 1 : 0;
                allOk &= ok;
                if (isVerified(g)) {
                    accepted++;
                    acceptedOk += ok && !wd && !absent.contains(k) ? 1 : 0;
                } else {
                    allVerified = false;
                }
            }
            String kind = (truthy(t.path("handwritten")) ? "hand" : "typed") + "/" + t.path("capture").asText();
            int[] bk = byKind.computeIfAbsent(kind, x -> new int[2]);
            bk[0]++;
            List<String> files = new ArrayList<>();
            t.path("files").forEach(f -> files.add(f.asText()));
            if (files.size() == 2) {
                two++;
                java.util.Set<String> cited = new java.util.HashSet<>();
                if (e != null) {
                    e.path("source_files").forEach(f -> cited.add(basename(f.asText().split("#", 2)[0])));
                }
                boolean together = e != null && cited.containsAll(files) && byFile.get(files.get(1)) == e;
                joined += together ? 1 : 0;
                allOk &= together;
            }
            bk[1] += allOk ? 1 : 0;
            protOk += allOk ? 1 : 0;
            String precinct = e == null || !e.has("precinct") ? "" : pyStr(e.get("precinct"));
            JsonNode truePrecinct = t.path("precinct");
            boolean precinctRight = truePrecinct.isTextual() && precinct.replaceFirst("^0+", "").equals(truePrecinct.textValue());
            precOk += precinctRight ? 1 : 0;
            if (e != null && isVerifiedStatus(e.path("precinct_status"))) {
                precAccepted++;
                precWrongAccepted += precinctRight ? 0 : 1;
            }
            java.util.Set<String> failedIds = new java.util.HashSet<>();
            if (e != null) {
                for (JsonNode c : e.path("checks")) {
                    if (c.path("passed").isBoolean() && !c.path("passed").booleanValue()) {
                        failedIds.add(c.path("id").isMissingNode() ? null : c.path("id").asText());
                    }
                }
            }
            boolean defect = missingSide != 0 || truthy(t.path("unsigned"));
            if (missingSide != 0) {
                incomplete++;
                incompleteCaught += failedIds.contains(sidesCheck) ? 1 : 0;
            }
            if (truthy(t.path("unsigned"))) {
                unsigned++;
                unsignedCaught += failedIds.contains(signedCheck) ? 1 : 0;
            }
            if (paperwork && !defect) {
                paperClean++;
                paperAlarm += failedIds.contains(sidesCheck) || failedIds.contains(signedCheck) ? 1 : 0;
            }
            java.util.Set<String> arith = new java.util.HashSet<>(failedIds);
            arith.remove(sidesCheck);
            arith.remove(signedCheck);
            boolean failed = !arith.isEmpty();
            if (truthy(t.path("violation"))) {
                viol++;
                if (t.path("violation").asText().equals("words_differ")) {
                    violCaught += e != null && !isVerified(got.path(wordsDiffer.path("field").asText())) ? 1 : 0;
                } else {
                    violCaught += failed ? 1 : 0;
                }
            } else if (!defect) {
                for (String k : keys) {
                    JsonNode g = got.path(k);
                    if (e != null && !isVerified(g) && !absent.contains(k)) {
                        boolean dOk = pyEquals(g.path("digits"), expected.get(k));
                        boolean wOk = pyEquals(g.path("words"), expected.get(k));
                        held.merge(dOk && wOk ? "both_right_held" : dOk ? "words_misread" : wOk ? "digits_misread"
                                : "both_misread", 1, Integer::sum);
                    }
                }
                clean++;
                straight += allOk && allVerified ? 1 : 0;
                falseAlarm += failed && allOk ? 1 : 0;
            }
        }
        int n = truths.size();
        Map<String, String> kinds = new LinkedHashMap<>();
        byKind.forEach((k, v) -> kinds.put(k, v[1] + "/" + v[0]));
        return new Score(n, missing, (double) correct / nFields, (double) protOk / n, (double) precOk / n,
                accepted == 0 ? null : (double) acceptedOk / accepted, (double) acceptedOk / nFields,
                clean == 0 ? null : (double) straight / clean, viol == 0 ? null : (double) violCaught / viol,
                clean == 0 ? null : (double) falseAlarm / clean, kinds,
                precAccepted == 0 ? null : (double) (precAccepted - precWrongAccepted) / precAccepted, precWrongAccepted,
                paperwork ? new Score.Paperwork(ratio(joined, two), ratio(incompleteCaught, incomplete),
                        ratio(unsignedCaught, unsigned), ratio(paperAlarm, paperClean)) : null, held);
    }

    private static Double ratio(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static boolean isVerified(JsonNode field) {
        return isVerifiedStatus(field.path("status"));
    }

    private static boolean isVerifiedStatus(JsonNode status) {
        return status.isTextual() && status.textValue().equals("VERIFIED");
    }

    /** os.path.basename: a zip entry 'upload.zip!/folder/a.jpg' is matched by 'a.jpg'. */
    private static String basename(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Python's truth value of a JSON value; an absent key is None. */
    static boolean truthy(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.doubleValue() != 0;
        }
        if (v.isTextual()) {
            return !v.textValue().isEmpty();
        }
        return v.size() > 0;
    }

    /** Python's == between two JSON values: numbers (and booleans, which are ints) compare by value. */
    static boolean pyEquals(JsonNode a, JsonNode b) {
        a = a == null || a.isMissingNode() ? NullNode.getInstance() : a;
        b = b == null || b.isMissingNode() ? NullNode.getInstance() : b;
        if ((a.isNumber() || a.isBoolean()) && (b.isNumber() || b.isBoolean())) {
            return numeric(a).compareTo(numeric(b)) == 0;
        }
        return a.equals(b);
    }

    private static BigDecimal numeric(JsonNode v) {
        return v.isBoolean() ? BigDecimal.valueOf(v.booleanValue() ? 1 : 0) : v.decimalValue();
    }

    /** Python's str() of a JSON value, for the precinct comparison. */
    private static String pyStr(JsonNode v) {
        if (v.isNull()) {
            return "None";
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "True" : "False";
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        // Double.toString matches Python's repr for the floats a precinct could plausibly be written as (237.0).
        return v.isFloatingPointNumber() ? Double.toString(v.doubleValue()) : v.toString();
    }
}
