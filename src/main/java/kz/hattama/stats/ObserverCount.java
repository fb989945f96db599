package kz.hattama.stats;

import kz.hattama.form.CheckDef;
import kz.hattama.form.FlagDef;
import kz.hattama.form.FormDefinition;
import kz.hattama.protocol.CheckResult;
import kz.hattama.protocol.RejectionCode;
import kz.hattama.store.StoredProtocol;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Counts {@link Statistics.Observers} over every stored record, one at a time. */
final class ObserverCount {

    /** The form's control relations; completeness and signatures are reasons of their own. */
    private final Set<String> arithmetic;
    /** The form's paperwork checks' ids; null where the form has none. */
    private final String sides;
    private final String signatures;
    private final FlagDef turnout;

    private int received;
    private int duplicates;
    private int rejected;
    private final Map<ObserverReason, Integer> reasons = new EnumMap<>(ObserverReason.class);
    private final Map<String, Integer> unreadable = new TreeMap<>();

    ObserverCount(FormDefinition form, FlagDef turnout) {
        this.arithmetic = form.relations().stream().map(CheckDef::id).collect(Collectors.toSet());
        this.sides = form.checkOfKind(CheckDef.SIDES).map(CheckDef::id).orElse(null);
        this.signatures = form.checkOfKind(CheckDef.SIGNATURES).map(CheckDef::id).orElse(null);
        this.turnout = turnout;
        for (ObserverReason r : ObserverReason.values()) {
            reasons.put(r, 0);
        }
    }

    void add(StoredProtocol p) {
        if (p.rejection() != null && p.rejection().code() == RejectionCode.DUPLICATE) {
            duplicates++;
            return;
        }
        received++;
        Set<ObserverReason> why = EnumSet.noneOf(ObserverReason.class);
        if (p.rejection() != null) {
            why.add(ObserverReason.UNREADABLE);
            unreadable.merge(p.rejection().code().name(), 1, Integer::sum);
        } else {
            Set<String> failed = p.checks().stream().filter(c -> !c.passed()).map(CheckResult::id)
                    .collect(Collectors.toSet());
            if (failed.contains(sides)) {
                why.add(ObserverReason.INCOMPLETE);
            }
            if (failed.contains(signatures)) {
                why.add(ObserverReason.NOT_SIGNED);
            }
            if (failed.stream().anyMatch(arithmetic::contains)) {
                why.add(ObserverReason.FIGURES_DO_NOT_MATCH);
            }
            if (p.flags().stream().anyMatch(f -> f.id().equals(turnout.id()))) {
                why.add(ObserverReason.TURNOUT_OVER_THRESHOLD);
            }
        }
        why.forEach(r -> reasons.merge(r, 1, Integer::sum));
        if (!why.isEmpty()) {
            rejected++;
        }
    }

    Statistics.Observers result() {
        Map<String, Integer> byCount = new LinkedHashMap<>();
        unreadable.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> byCount.put(e.getKey(), e.getValue()));
        return new Statistics.Observers(received, duplicates, rejected, new EnumMap<>(reasons), byCount);
    }
}
