package kz.hattama.cli;

import kz.hattama.precinct.PlaceFinder;
import kz.hattama.precinct.Places;
import kz.hattama.precinct.PrecinctAudit;
import kz.hattama.precinct.PrecinctListReader;
import kz.hattama.precinct.PrecinctStore;
import kz.hattama.protocol.Flag;
import kz.hattama.store.ProtocolPages;
import kz.hattama.store.ProtocolStore;
import kz.hattama.store.StoredProtocol;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "precincts", mixinStandardHelpOptions = true,
        description = "The official precinct list: where each precinct is, so that results roll up region → district → precinct.",
        subcommands = {PrecinctsCommand.Import.class, PrecinctsCommand.Check.class})
public class PrecinctsCommand extends CommandGroup {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Replaces the precinct list with FILE: CSV with precinct number, region, district, city, "
                    + "address (a header row may name the columns, in English, Russian or Kazakh; comma or semicolon).",
                    "Nothing is changed when a line is wrong."})
    static class Import implements Callable<Integer> {

        @Parameters(paramLabel = "FILE.csv")
        Path file;

        @Autowired
        private PrecinctStore precincts;
        @Autowired
        private PlaceFinder places;
        @Autowired
        private ProtocolStore store;
        @Autowired
        private ProtocolPages pages;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file)) {
                System.err.println("No such file: " + file);
                return 2;
            }
            PrecinctListReader.Result list;
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                list = PrecinctListReader.read(r);
            }
            if (!list.ok()) {
                System.err.println("The list was not imported; fix these lines of " + file + ":");
                list.errors().forEach(e -> System.err.println("  " + e));
                return 1;
            }
            precincts.replaceAll(list.precincts());
            System.out.println("Imported " + list.precincts().size() + " precincts from " + file + ".");
            int missing = Check.report(store, pages, places, "precinct_not_in_list");
            if (missing > 0) {
                System.out.println("Run `precincts check` to see every flagged protocol.");
            }
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Lists the protocols whose precinct is not in the list and the precincts whose protocols disagree.")
    static class Check implements Callable<Integer> {

        @Autowired
        private PlaceFinder places;
        @Autowired
        private ProtocolStore store;
        @Autowired
        private ProtocolPages pages;

        @Override
        public Integer call() {
            report(store, pages, places, null);
            return 0;
        }

        /** Prints the protocols with a flag {@code only} (every precinct flag when null); returns how many. */
        static int report(ProtocolStore store, ProtocolPages pages, PlaceFinder places, String only) {
            Map<Long, StoredProtocol> byId = new HashMap<>();
            Map<Long, List<Flag>> flags = store.readConsistently(() -> {
                Places p = places.load();
                List<PrecinctAudit.Sighting> read = new ArrayList<>();
                pages.forEachProtocol(PrecinctAudit.READ, sp -> {
                    byId.put(sp.id(), sp);
                    read.add(PrecinctAudit.Sighting.of(sp));
                });
                return PrecinctAudit.flags(read, p);
            });
            int n = 0;
            for (Map.Entry<Long, List<Flag>> e : new TreeMap<>(flags).entrySet()) {
                StoredProtocol p = byId.get(e.getKey());
                for (Flag f : e.getValue()) {
                    if (only == null || only.equals(f.id())) {
                        System.out.println(p.uid() + "  " + p.sourceName() + "  " + f.id() + ": " + f.detail());
                        n++;
                    }
                }
            }
            System.out.println(n == 0 ? "No protocol is flagged." : n + " flags.");
            return n;
        }
    }
}
