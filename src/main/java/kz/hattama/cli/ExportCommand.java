package kz.hattama.cli;

import kz.hattama.export.ExportFilter;
import kz.hattama.export.CsvExporter;
import kz.hattama.export.Exporter;
import kz.hattama.export.JsonlExporter;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the stored protocols as JSON Lines or CSV, one protocol a line.")
public class ExportCommand implements Callable<Integer> {

    enum Format { jsonl, csv }

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write.")
    Path out;

    @Option(names = "--format", paramLabel = "jsonl|csv",
            description = "Output format; by default from the file name, else jsonl.")
    Format format;

    @Option(names = "--status", defaultValue = "all", paramLabel = "all|S1,S2",
            description = "Statuses to export: all (default, REJECTED included) or a list of VERIFIED, NEEDS_REVIEW, REVIEWED, REJECTED.")
    String status;

    @Autowired
    private JsonlExporter jsonl;
    @Autowired
    private CsvExporter csv;

    @Override
    public Integer call() throws Exception {
        ExportFilter filter;
        try {
            filter = ExportFilter.parse(status);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Format f = format != null ? format : out.toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? Format.csv : Format.jsonl;
        Exporter exporter = f == Format.csv ? csv : jsonl;
        long n = exporter.write(filter, out);
        System.out.println("Wrote " + n + " protocols to " + out);
        return 0;
    }
}
