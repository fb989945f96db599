package kz.hattama.stats;

import kz.hattama.config.DatasetProperties;
import kz.hattama.config.HattamaVersion;
import kz.hattama.form.FlagDef;
import kz.hattama.form.FormDefinition;
import kz.hattama.official.OfficialLine;
import kz.hattama.official.OfficialResults;
import kz.hattama.precinct.PlaceFinder;
import kz.hattama.precinct.Places;
import kz.hattama.precinct.PrecinctAudit;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.store.ProtocolPages;
import kz.hattama.store.ProtocolStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Computes the published statistics from the stored protocols, in one snapshot of the database. The CLI's
 * {@code stats} renders them as text, CSV or a self-contained HTML page; the web app can render the same
 * {@link Statistics} as a page of its own.
 */
@Service
public class StatisticsService {

    public static final String ALL = "all";
    public static final String CLEAN = "clean";

    private final ProtocolStore store;
    private final ProtocolPages pages;
    private final PlaceFinder placeFinder;
    private final FormDefinition form;
    private final DatasetProperties settings;
    private final Clock clock;
    private final OfficialResults official;

    @Autowired
    public StatisticsService(ProtocolStore store, ProtocolPages pages, PlaceFinder placeFinder, FormDefinition form,
                             DatasetProperties settings, OfficialResults official) {
        this(store, pages, placeFinder, form, settings, Clock.systemUTC(), official);
    }

    /** Without official results: the protocols alone. */
    public StatisticsService(ProtocolStore store, ProtocolPages pages, PlaceFinder placeFinder, FormDefinition form,
                             DatasetProperties settings) {
        this(store, pages, placeFinder, form, settings, Clock.systemUTC(), OfficialResults.NONE);
    }

    /** Without official results: the protocols alone. */
    public StatisticsService(ProtocolStore store, ProtocolPages pages, PlaceFinder placeFinder, FormDefinition form,
                             DatasetProperties settings, Clock clock) {
        this(store, pages, placeFinder, form, settings, clock, OfficialResults.NONE);
    }

    public StatisticsService(ProtocolStore store, ProtocolPages pages, PlaceFinder placeFinder, FormDefinition form,
                             DatasetProperties settings, Clock clock, OfficialResults official) {
        this.official = official;
        this.store = store;
        this.pages = pages;
        this.placeFinder = placeFinder;
        this.form = form;
        this.settings = settings;
        this.clock = clock;
    }

    public Statistics compute() {
        FlagDef turnout = turnoutFlag(form);
        List<Statistics.Party> parties = form.tableFields().stream()
                .map(f -> new Statistics.Party(f.key(), f.displayName())).toList();
        return store.readConsistently(() -> {
            Places places = placeFinder.load();
            List<ScopeBuilder.Tally> read = new ArrayList<>();
            ObserverCount observers = new ObserverCount(form, turnout);
            pages.forEachProtocol(Set.of(), p -> {
                observers.add(p);
                if (PrecinctAudit.READ.contains(p.status())) {
                    read.add(ScopeBuilder.Tally.of(p, places.place(p.surePrecinct(), p.address())));
                }
            });
            Map<String, OfficialLine> lines = official.all();
            Set<String> observed = read.stream().map(ScopeBuilder.Tally::precinct).filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            ScopeBuilder builder = new ScopeBuilder(parties, turnout, settings, places);
            List<Statistics.Scope> scopes = List.of(
                    builder.build(ALL, PrecinctAudit.READ, read, lines, observed),
                    builder.build(CLEAN, EnumSet.of(ProtocolStatus.VERIFIED, ProtocolStatus.REVIEWED), read, lines,
                            observed));
            return new Statistics(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS), form.id(), HattamaVersion.get(),
                    parties, 100 * turnout.above(), scopes, observers.result());
        });
    }

    /**
     * Turnout is whatever the form's flag in the turnout role divides (participants over registered voters), so a
     * form with other field keys needs no code change.
     */
    static FlagDef turnoutFlag(FormDefinition form) {
        return form.flagWithRole(FlagDef.TURNOUT)
                .orElseThrow(() -> new IllegalStateException("form " + form.id() + " has no flag in the role \""
                        + FlagDef.TURNOUT + "\"; statistics need its numerator and denominator"));
    }
}
