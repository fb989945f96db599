package kz.hattama.cli;

import kz.hattama.stats.ReportTexts;
import kz.hattama.stats.Statistics;
import kz.hattama.stats.StatisticsService;
import kz.hattama.stats.StatsReport;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Results by region, district, city and precinct (parties' shares), turnout histogram, turnout "
                + "against the leader's share, protocols by failed check and flagged precincts; for all protocols as "
                + "they stand and for VERIFIED + REVIEWED only.",
                "--format html writes one file that opens in a browser without a server."})
public class StatsCommand implements Callable<Integer> {

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|csv|html",
            description = "text (default), csv (one row per area) or html (tables and charts).")
    StatsReport.Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "File to write; standard output when left out.")
    Path out;

    @Option(names = "--lang", defaultValue = "en", paramLabel = "en|ru|kk",
            description = "Language of the text and html reports' wording: en (default), ru or kk. Names and figures "
                    + "come from the data; the csv is the same in every language.")
    String lang;

    @Autowired
    private StatisticsService statistics;

    @Override
    public Integer call() throws Exception {
        StatsReport report;
        try {
            report = format.report(ReportTexts.of(lang));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Statistics stats = statistics.compute();
        if (out == null) {
            Writer w = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            report.write(stats, w);
            w.flush();
            return 0;
        }
        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".partial");
        try {
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8))) {
                report.write(stats, w);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        Statistics.Scope all = stats.scope(StatisticsService.ALL);
        System.out.println("Wrote statistics of " + all.precincts() + " precincts (" + all.protocols()
                + " protocols) to " + out);
        return 0;
    }
}
