package kz.hattama.stats;

import kz.hattama.config.DatasetProperties;
import kz.hattama.form.FlagDef;
import kz.hattama.official.OfficialLine;
import kz.hattama.precinct.Place;
import kz.hattama.precinct.Places;
import kz.hattama.precinct.Precinct;
import kz.hattama.precinct.PrecinctAudit;
import kz.hattama.protocol.CheckResult;
import kz.hattama.protocol.Flag;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.store.StoredProtocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One {@link Statistics.Scope}: which protocol counts for each precinct, the sums, the charts' data and the flags. */
final class ScopeBuilder {

    static final String IDENTICAL = "identical_figures";
    static final String ROUND_SHARE = "round_share";

    /** A read protocol reduced to what the statistics need. */
    record Tally(PrecinctAudit.Sighting sighting, ProtocolStatus status, Place place, Set<String> failedChecks) {

        static Tally of(StoredProtocol p, Place place) {
            return new Tally(PrecinctAudit.Sighting.of(p), p.status(), place, p.checks().stream()
                    .filter(c -> !c.passed()).map(CheckResult::id).collect(Collectors.toCollection(TreeSet::new)));
        }

        /** The precinct it is counted under; null while its number is unsure (then it is a precinct of its own). */
        String precinct() {
            return sighting.filedUnder();
        }

        Integer value(String key) {
            return sighting.values().get(key);
        }
    }

    /**
     * A counted precinct: its protocol and the figures the sums use. Sums of official figures, or of the official minus
     * the protocol's, are made of these too, with the protocol whose precinct they are, or none for an official line
     * without a protocol.
     */
    private record Counted(Tally tally, long votersTotal, long participated, List<Long> votes) {

        Statistics.Area area() {
            Place p = tally.place();
            return new Statistics.Area(tally.precinct(), p.region(), p.district(), p.city(), 1, votersTotal,
                    participated, votes, new Statistics.ProtocolRef(tally.sighting().id(), tally.failedChecks()));
        }
    }

    /** Of two protocols of one precinct the sums take the one a person signed off, else a checked one, else the newest. */
    private static final Comparator<Tally> PREFERRED = Comparator
            .comparingInt((Tally t) -> switch (t.status()) {
                case REVIEWED -> 3;
                case VERIFIED -> 2;
                default -> 1;
            })
            .thenComparingLong(t -> t.sighting().id());

    private static final Comparator<String> BY_NAME = Comparator.nullsLast(Comparator.naturalOrder());
    private static final Comparator<String> BY_NUMBER = Comparator.nullsLast(
            Comparator.comparing((String n) -> Precinct.numeric(n), Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(Comparator.naturalOrder()));

    private final List<Statistics.Party> parties;
    private final FlagDef turnout;
    private final DatasetProperties settings;
    private final Places places;

    ScopeBuilder(List<Statistics.Party> parties, FlagDef turnout, DatasetProperties settings, Places places) {
        this.parties = parties;
        this.turnout = turnout;
        this.settings = settings;
        this.places = places;
    }

    /** A scope without official results beside it. */
    Statistics.Scope build(String id, Set<ProtocolStatus> statuses, Collection<Tally> read) {
        return build(id, statuses, read, Map.of(), Set.of());
    }

    /**
     * @param official the official results by precinct (empty where none were imported)
     * @param observed the precincts a read protocol of any status is filed under: the others' official lines are the
     *                 precincts nobody observed
     */
    Statistics.Scope build(String id, Set<ProtocolStatus> statuses, Collection<Tally> read,
                           Map<String, OfficialLine> official, Set<String> observed) {
        List<Tally> inScope = read.stream().filter(t -> statuses.contains(t.status())).toList();
        List<Tally> chosen = chosenPerPrecinct(inScope);
        List<Counted> counted = chosen.stream().map(this::counted).filter(Objects::nonNull)
                .sorted(Comparator.comparing((Counted c) -> c.tally().precinct(), BY_NUMBER)).toList();
        return new Statistics.Scope(id, List.copyOf(EnumSet.copyOf(statuses)), inScope.size(), counted.size(),
                chosen.size() - counted.size(),
                sum("Total", null, null, null, counted),
                areas(counted, c -> c.tally().place().region(), BY_NAME),
                areas(counted, c -> Objects.toString(c.tally().place().region(), "") + "\u0000"
                        + Objects.toString(c.tally().place().district(), ""), BY_NAME),
                areas(counted, c -> c.tally().place().city(), BY_NAME),
                counted.stream().map(Counted::area).toList(),
                histogram(counted), scatter(counted), failedChecks(inScope), flagged(inScope, counted),
                official(counted, official, observed));
    }

    private Statistics.Official official(List<Counted> counted, Map<String, OfficialLine> official,
                                         Set<String> observed) {
        if (official.isEmpty()) {
            return null;
        }
        List<Counted> protocols = new ArrayList<>();
        List<Counted> published = new ArrayList<>();
        List<Counted> differences = new ArrayList<>();
        for (Counted c : counted) {
            OfficialLine line = c.tally().precinct() == null ? null : official.get(c.tally().precinct());
            Counted o = line == null ? null : figures(c.tally(), line);
            if (o == null) {
                continue;
            }
            protocols.add(c);
            published.add(o);
            List<Long> votes = new ArrayList<>();
            for (int i = 0; i < parties.size(); i++) {
                votes.add(o.votes().get(i) - c.votes().get(i));
            }
            differences.add(new Counted(c.tally(), o.votersTotal() - c.votersTotal(), o.participated() - c.participated(),
                    votes));
        }
        List<Counted> unobserved = official.values().stream().filter(l -> !observed.contains(l.precinct()))
                .map(l -> figures(null, l)).filter(Objects::nonNull).toList();
        return new Statistics.Official(areas(differences, c -> c.tally().place().city(), BY_NAME),
                sum("Total", null, null, null, differences), sum("Observed (protocols)", null, null, null, protocols),
                sum("Observed (official)", null, null, null, published),
                sum("Not observed (official)", null, null, null, unobserved));
    }

    /** An official line's figures the sums use, or null where it lacks one (imported for another form). */
    private Counted figures(Tally tally, OfficialLine line) {
        Integer voters = line.figures().get(turnout.denominator());
        Integer participated = line.figures().get(turnout.numerator());
        List<Long> votes = new ArrayList<>();
        for (Statistics.Party p : parties) {
            Integer v = line.figures().get(p.key());
            if (v == null) {
                return null;
            }
            votes.add((long) v);
        }
        return voters == null || participated == null ? null : new Counted(tally, voters, participated, votes);
    }

    private List<Tally> chosenPerPrecinct(List<Tally> inScope) {
        Map<String, Tally> best = new LinkedHashMap<>();
        for (Tally t : inScope) {
            // A protocol whose number was not read, or is unsure, is a precinct of its own: it cannot be matched with
            // another.
            String key = t.precinct() != null ? t.precinct() : "#" + t.sighting().id();
            best.merge(key, t, (a, b) -> PREFERRED.compare(a, b) >= 0 ? a : b);
        }
        return List.copyOf(best.values());
    }

    /** The figures the sums need, or null when one of them was not read. */
    private Counted counted(Tally t) {
        Integer voters = t.value(turnout.denominator());
        Integer participated = t.value(turnout.numerator());
        List<Long> votes = new ArrayList<>();
        for (Statistics.Party p : parties) {
            Integer v = t.value(p.key());
            if (v == null) {
                return null;
            }
            votes.add((long) v);
        }
        return voters == null || participated == null ? null : new Counted(t, voters, participated, votes);
    }

    private Statistics.Area sum(String name, String region, String district, String city, List<Counted> counted) {
        long[] votes = new long[parties.size()];
        long voters = 0;
        long participated = 0;
        for (Counted c : counted) {
            voters += c.votersTotal();
            participated += c.participated();
            for (int i = 0; i < votes.length; i++) {
                votes[i] += c.votes().get(i);
            }
        }
        return new Statistics.Area(name, region, district, city, counted.size(), voters, participated,
                Arrays.stream(votes).boxed().toList(), null);
    }

    /**
     * One row per distinct key; a row's place columns are those all its precincts share (a city in two regions
     * names neither).
     */
    private List<Statistics.Area> areas(List<Counted> counted, Function<Counted, String> key, Comparator<String> order) {
        Map<String, List<Counted>> groups = counted.stream()
                .collect(Collectors.groupingBy(c -> Objects.toString(key.apply(c), ""), LinkedHashMap::new, Collectors.toList()));
        return groups.values().stream()
                .map(g -> sum(displayName(key.apply(g.get(0))), common(g, Place::region), common(g, Place::district),
                        common(g, Place::city), g))
                .sorted(Comparator.comparing(Statistics.Area::name, order))
                .toList();
    }

    /** Region and district keys are joined with NUL for grouping; the row is named by its last part. */
    private static String displayName(String key) {
        if (key == null) {
            return null;
        }
        String last = key.substring(key.lastIndexOf('\u0000') + 1);
        return last.isEmpty() ? null : last;
    }

    private static String common(List<Counted> group, Function<Place, String> part) {
        Set<String> values = group.stream().map(c -> part.apply(c.tally().place())).collect(Collectors.toSet());
        return values.size() == 1 ? values.iterator().next() : null;
    }

    private Statistics.Histogram histogram(List<Counted> counted) {
        double width = settings.statsHistogramBin();
        int bins = (int) Math.ceil(100 / width);
        int[] counts = new int[bins];
        List<Integer> over = new ArrayList<>();
        for (Counted c : counted) {
            Double t = c.area().turnout();
            if (t == null) {
                continue;
            }
            int bin = (int) Math.floor(t / width);
            if (t <= 100) {
                counts[Math.min(bin, bins - 1)]++;
            } else {
                // Above 100 % is impossible on an honest protocol: its own bars keep it visible.
                while (over.size() <= bin - bins) {
                    over.add(0);
                }
                over.set(bin - bins, over.get(bin - bins) + 1);
            }
        }
        List<Statistics.Histogram.Bin> out = new ArrayList<>();
        for (int i = 0; i < bins + over.size(); i++) {
            int n = i < bins ? counts[i] : over.get(i - bins);
            double to = i < bins ? Math.min((i + 1) * width, 100) : (i + 1) * width;
            out.add(new Statistics.Histogram.Bin(round(i * width), round(to), n));
        }
        return new Statistics.Histogram(width, out);
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private List<Statistics.Point> scatter(List<Counted> counted) {
        List<Statistics.Point> points = new ArrayList<>();
        for (Counted c : counted) {
            Statistics.Area a = c.area();
            if (a.turnout() == null || a.participated() == 0) {
                continue;
            }
            int lead = a.leadingParty();
            points.add(new Statistics.Point(a.name(), a.city(), a.turnout(), a.share(lead), parties.get(lead).key()));
        }
        return points;
    }

    private static Map<String, Integer> failedChecks(List<Tally> inScope) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        inScope.stream().flatMap(t -> t.failedChecks().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.summingInt(x -> 1)))
                .entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private List<Statistics.FlaggedPrecinct> flagged(List<Tally> inScope, List<Counted> counted) {
        // Two protocols of one unlisted precinct raise the same flag in the same words: it is listed once, with the
        // first of them to open.
        Map<List<String>, Statistics.FlaggedPrecinct> flagged = new LinkedHashMap<>();
        Consumer<Statistics.FlaggedPrecinct> add = f -> flagged.putIfAbsent(
                Arrays.asList(f.precinct(), f.city(), f.flag(), f.detail()), f);
        Map<Long, Tally> byId = inScope.stream().collect(Collectors.toMap(t -> t.sighting().id(), t -> t));
        PrecinctAudit.flags(inScope.stream().map(Tally::sighting).toList(), places).forEach((id, flags) -> {
            Tally t = byId.get(id);
            for (Flag f : flags) {
                add.accept(new Statistics.FlaggedPrecinct(t.precinct(), t.place().city(), f.id(), f.detail(), id));
            }
        });
        for (Counted c : counted) {
            Statistics.Area a = c.area();
            if (a.turnout() != null && a.turnout() > 100 * turnout.above()) {
                add.accept(new Statistics.FlaggedPrecinct(a.name(), a.city(), turnout.id(),
                        turnout.detail(a.participated(), a.votersTotal()), a.protocol().id()));
            }
            if (a.participated() >= settings.statsFlagMinParticipants()) {
                for (int i = 0; i < parties.size(); i++) {
                    if (a.votes().get(i) > 0 && isMultiple(a.share(i), settings.statsRoundShareStep())) {
                        add.accept(new Statistics.FlaggedPrecinct(a.name(), a.city(), ROUND_SHARE,
                                String.format(Locale.ROOT, "%s %d of %d = %.2f %%", parties.get(i).name(),
                                        a.votes().get(i), a.participated(), a.share(i)), a.protocol().id()));
                    }
                }
            }
        }
        identical(counted).forEach(add);
        return flagged.values().stream()
                .sorted(Comparator.comparing(Statistics.FlaggedPrecinct::precinct, BY_NUMBER)
                        .thenComparing(Statistics.FlaggedPrecinct::flag))
                .toList();
    }

    /**
     * Precincts whose results (participants and every party's votes) are the same figure for figure: one sheet
     * copied onto another. Small precincts are left out, where it happens by chance, and so are protocols whose number
     * is unsure: a second photo of one sheet, its number misread, would look like a copy in another precinct (they are
     * flagged {@code precinct_unsure} instead).
     */
    private List<Statistics.FlaggedPrecinct> identical(List<Counted> counted) {
        Map<List<Long>, List<Counted>> byResult = new LinkedHashMap<>();
        for (Counted c : counted) {
            if (c.participated() >= settings.statsFlagMinParticipants() && c.tally().precinct() != null) {
                List<Long> key = new ArrayList<>(c.votes());
                key.add(0, c.participated());
                byResult.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            }
        }
        List<Statistics.FlaggedPrecinct> out = new ArrayList<>();
        for (List<Counted> same : byResult.values()) {
            if (same.size() < 2) {
                continue;
            }
            for (Counted c : same) {
                String others = same.stream().filter(o -> o != c)
                        .map(o -> Objects.toString(o.tally().precinct(), Table.UNKNOWN))
                        .collect(Collectors.joining(", "));
                out.add(new Statistics.FlaggedPrecinct(c.tally().precinct(), c.tally().place().city(), IDENTICAL,
                        "same participants and votes as precinct " + others, c.tally().sighting().id()));
            }
        }
        return out;
    }

    /** Whether {@code percent} is a whole multiple of {@code step}, up to floating-point noise. */
    static boolean isMultiple(double percent, double step) {
        double q = percent / step;
        return Math.abs(q - Math.rint(q)) < 1e-9;
    }
}
