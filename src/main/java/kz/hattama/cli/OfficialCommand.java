package kz.hattama.cli;

import kz.hattama.form.FormDefinition;
import kz.hattama.official.OfficialComparer;
import kz.hattama.official.OfficialCsvReader;
import kz.hattama.official.OfficialStore;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

@Command(name = "official", mixinStandardHelpOptions = true,
        description = "The election commission's published results beside the protocols observers received.",
        subcommands = {OfficialCommand.Import.class, OfficialCommand.Compare.class})
public class OfficialCommand extends CommandGroup {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Replaces the official results with FILE: CSV, one line per precinct, a header row naming "
                    + "the precinct and every figure of the form (keys, or the Russian or Kazakh names; comma or "
                    + "semicolon).", "Nothing is changed when a line is wrong."})
    static class Import implements Callable<Integer> {

        @Parameters(paramLabel = "FILE.csv")
        Path file;

        @Autowired
        private OfficialStore official;
        @Autowired
        private FormDefinition form;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file)) {
                System.err.println("No such file: " + file);
                return 2;
            }
            OfficialCsvReader.Result result;
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                result = OfficialCsvReader.read(r, form);
            }
            if (!result.ok()) {
                System.err.println("The official results were not imported; nothing was changed. Fix these lines of "
                        + file + ":");
                result.errors().forEach(e -> System.err.println("  " + e));
                return 1;
            }
            official.replaceAll(result.lines());
            System.out.println("Imported the official results of " + result.lines().size() + " precincts from "
                    + file + ".");
            if (!result.ignored().isEmpty()) {
                System.out.println("Columns that are no figure of the form were left out: "
                        + String.join(", ", result.ignored()) + ".");
            }
            System.out.println("Run `official compare` to see where the protocols differ from them.");
            return 0;
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = {"Lists every figure on which a protocol (not REJECTED) differs from the official result of "
                    + "its precinct, the precincts with a protocol but no official result and the reverse.",
                    "CSV columns: " + "precinct,field,protocol,official,difference,field_status,protocol_id"
                            + " (difference = official − protocol)."})
    static class Compare implements Callable<Integer> {

        @Option(names = "--format", defaultValue = "text", paramLabel = "text|csv",
                description = "text (default: a sentence per difference) or csv (a row per difference).")
        ComparisonReport.Format format;

        @Option(names = "--out", paramLabel = "FILE", description = "File to write; standard output when left out.")
        Path out;

        @Autowired
        private OfficialComparer comparer;
        @Autowired
        private FormDefinition form;

        @Override
        public Integer call() throws Exception {
            OfficialComparer.Outcome outcome = comparer.compare();
            if (outcome.officialLines() == 0) {
                System.err.println("No official results have been imported: run `official import FILE.csv` first.");
            }
            if (out == null) {
                Writer w = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                ComparisonReport.write(format, outcome, form, w);
                w.flush();
                return 0;
            }
            Path target = out.toAbsolutePath();
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".partial");
            try {
                try (Writer w = new BufferedWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8))) {
                    ComparisonReport.write(format, outcome, form, w);
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            System.out.println("Wrote " + outcome.rows().size() + " rows to " + out + ".");
            return 0;
        }
    }
}
