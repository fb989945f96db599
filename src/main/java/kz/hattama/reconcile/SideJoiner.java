package kz.hattama.reconcile;

import kz.hattama.form.FormDefinition;
import kz.hattama.protocol.Box;
import kz.hattama.protocol.FieldReading;
import kz.hattama.protocol.PageReading;
import kz.hattama.protocol.PrecinctLook;
import kz.hattama.protocol.PrecinctResult;
import kz.hattama.protocol.ReviewReason;
import kz.hattama.protocol.SidePage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which sides of two-sided protocols belong together, and the readings of a protocol made of them. Nothing but the
 * pages tells: files carry camera names. The two sides of a sheet normally come one after the other (either first),
 * and both print the precinct number; a pair whose numbers were both read surely and differ is never joined, because
 * joining another precinct's figures would put them under the wrong number unseen.
 */
public final class SideJoiner {

    private final FormDefinition form;
    private final PrecinctJudge judge;

    public SideJoiner(FormDefinition form, PrecinctJudge judge) {
        this.form = form;
        this.judge = judge;
    }

    /**
     * Groups an upload's sides (in upload order) into protocols: next to each other and not contradicting each other's
     * number first, then sides of the same sure number anywhere in the upload; what is left stands alone.
     */
    public List<List<SidePage>> pair(List<SidePage> pages) {
        int n = pages.size();
        String[] precinct = new String[n];
        boolean[] sure = new boolean[n];
        for (int i = 0; i < n; i++) {
            PrecinctResult r = judge.judge(pages.get(i).reading().precinct());
            precinct[i] = r.value();
            sure[i] = r.sure();
        }
        int[] partner = new int[n];
        java.util.Arrays.fill(partner, -1);
        for (int i = 0; i + 1 < n; i++) {
            int j = i + 1;
            if (partner[i] < 0 && partner[j] < 0 && complementary(pages.get(i), pages.get(j))
                    && pages.get(j).position() == pages.get(i).position() + 1
                    && compatible(precinct[i], sure[i], precinct[j], sure[j])) {
                partner[i] = j;
                partner[j] = i;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n && partner[i] < 0; j++) {
                if (partner[j] < 0 && sure[i] && sure[j] && precinct[i].equals(precinct[j])
                        && complementary(pages.get(i), pages.get(j))) {
                    partner[i] = j;
                    partner[j] = i;
                }
            }
        }
        List<List<SidePage>> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (partner[i] < 0) {
                groups.add(List.of(pages.get(i)));
            } else if (partner[i] > i) {
                groups.add(inSideOrder(pages.get(i), pages.get(partner[i])));
            }
        }
        return groups;
    }

    /**
     * The precinct number a side arriving alone may be matched against its open protocol's by, or null: sure, or
     * short of sure only by the looks' confidence (every look read the same plausible number beside the form's words;
     * a running head's small type reads less confidently). Matching an open protocol's sure number is the
     * corroboration the confidence lacked; any disagreement among the looks, and the side stays alone.
     */
    public String joinablePrecinct(PageReading reading) {
        PrecinctResult r = judge.judge(reading.precinct());
        boolean onlyConfidence = r.reasons().stream()
                .allMatch(reason -> reason.code() == ReviewReason.Code.PRECINCT_LOW_CONFIDENCE);
        return r.value() != null && onlyConfidence ? r.value() : null;
    }

    private static boolean complementary(SidePage a, SidePage b) {
        return a.side() != b.side();
    }

    /** Equal numbers, or one side's number unread or unsure and the other's not contradicting a sure reading of it. */
    private static boolean compatible(String a, boolean aSure, String b, boolean bSure) {
        if (a == null || b == null) {
            return true;
        }
        return a.equals(b) || !(aSure && bSure);
    }

    /** The first side first: the protocol is filed under the page with the header. */
    private static List<SidePage> inSideOrder(SidePage a, SidePage b) {
        return a.side() <= b.side() ? List.of(a, b) : List.of(b, a);
    }

    /**
     * One protocol's readings from its sides' pages: each field from the page that shows its side, the precinct
     * number's looks from every page (the header and the running heads), the language and the address from the first
     * side where it arrived, the signatures from the side that holds them.
     */
    public PageReading join(List<PageReading> readings) {
        if (readings.size() == 1) {
            return readings.get(0);
        }
        Map<String, FieldReading> fields = new LinkedHashMap<>();
        List<PrecinctLook> looks = new ArrayList<>();
        TreeSet<Integer> sides = new TreeSet<>();
        String lang = null, address = null;
        List<Boolean> signatures = null;
        Box signatureBox = null;
        int signatureSide = form.layout().signatureSide();
        for (PageReading r : readings) {
            sides.addAll(r.sides());
            looks.addAll(r.precinct());
            // The header's language, else the running head's.
            if (lang == null || r.covers(1)) {
                lang = r.lang();
            }
            if (r.covers(1) && r.address() != null) {
                address = r.address();
            }
            if (signatureSide > 0 && r.covers(signatureSide)) {
                signatures = r.signatures();
                signatureBox = r.signatureBox();
            }
        }
        for (String key : form.keys()) {
            int side = form.layout().sideOf(key);
            readings.stream().filter(r -> r.covers(side)).map(r -> r.fields().get(key)).filter(Objects::nonNull)
                    .findFirst().ifPresent(f -> fields.put(key, f));
        }
        List<Integer> covered = sides.size() == form.layout().sides().size() ? List.of() : List.copyOf(sides);
        return new PageReading(lang, looks, address, fields, covered, signatures, signatureBox);
    }

    /** Which of the protocol's pages (by index in {@code readings}) holds the signatures; 0 where none does. */
    public int signaturePage(List<PageReading> readings) {
        int side = form.layout().signatureSide();
        for (int i = 0; i < readings.size(); i++) {
            if (side > 0 && readings.get(i).covers(side)) {
                return i;
            }
        }
        return 0;
    }

    /** For each field, which of the protocol's pages (by index in {@code readings}) its box is on. */
    public Map<String, Integer> pageOf(List<PageReading> readings) {
        Map<String, Integer> pages = new LinkedHashMap<>();
        for (String key : form.keys()) {
            int side = form.layout().sideOf(key);
            for (int i = 0; i < readings.size(); i++) {
                if (readings.get(i).covers(side)) {
                    pages.put(key, i);
                    break;
                }
            }
        }
        return pages;
    }
}
