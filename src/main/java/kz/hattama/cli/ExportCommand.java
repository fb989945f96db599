package kz.hattama.cli;

import kz.hattama.export.CsvExporter;
import kz.hattama.export.DatasetExporter;
import kz.hattama.export.ExportFilter;
import kz.hattama.export.Exporter;
import kz.hattama.export.JsonlExporter;
import kz.hattama.export.Manifest;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the stored protocols as a dataset.",
                "--out DIR or NAME.zip: protocols.jsonl, protocols.csv, manifest.json (filters, counts, SHA-256 of every "
                        + "file and cited scan) and SHA256SUMS. --out NAME.jsonl or NAME.csv: that file alone."})
public class ExportCommand implements Callable<Integer> {

    enum Format { jsonl, csv, dataset }

    @Option(names = "--out", required = true, paramLabel = "DIR|FILE", description = "Folder, .zip, .jsonl or .csv to write.")
    Path out;

    @Option(names = "--format", paramLabel = "jsonl|csv|dataset",
            description = "Output format; by default from the name: .jsonl, .csv, else a dataset (folder or .zip).")
    Format format;

    @Option(names = "--status", defaultValue = "all", paramLabel = "all|S1,S2",
            description = "Statuses to export: all (default, REJECTED included) or a list of VERIFIED, NEEDS_REVIEW, REVIEWED, REJECTED.")
    String status;

    @Option(names = "--region", description = "Only protocols of this region (needs the precinct list).")
    String region;

    @Option(names = "--district", description = "Only protocols of this district (needs the precinct list).")
    String district;

    @Option(names = "--city", description = "Only protocols of this city (from the precinct list, else the printed address).")
    String city;

    @Option(names = "--precincts", paramLabel = "FROM-TO", description = "Only precincts in this range, e.g. 100-250, or one number.")
    String precincts;

    @Autowired
    private JsonlExporter jsonl;
    @Autowired
    private CsvExporter csv;
    @Autowired
    private DatasetExporter dataset;

    @Override
    public Integer call() throws Exception {
        ExportFilter filter;
        try {
            filter = ExportFilter.parse(status).inRegion(region).inDistrict(district)
                    .inCity(city).inPrecincts(precincts == null ? null : ExportFilter.PrecinctRange.parse(precincts));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Format f = format != null ? format : formatOf(out);
        if (f == Format.dataset) {
            Manifest m = dataset.write(filter, out);
            System.out.println("Wrote a dataset of " + m.counts().protocols() + " protocols ("
                    + m.counts().byStatus().entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))
                    + ") to " + out + "; check it with: sha256sum -c " + Manifest.CHECKSUMS);
            return 0;
        }
        Exporter exporter = f == Format.csv ? csv : jsonl;
        long n = exporter.write(filter, out);
        System.out.println("Wrote " + n + " protocols to " + out);
        return 0;
    }

    private static Format formatOf(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") ? Format.csv : name.endsWith(".jsonl") || name.endsWith(".json") ? Format.jsonl
                : Format.dataset;
    }
}
