package kz.hattama.cli;

import kz.hattama.export.Exporter;
import kz.hattama.export.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Scores the stored protocols (or an export file) against a hand-keyed truth file.")
public class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--truth", required = true, paramLabel = "TRUTH.jsonl", description = "Truth in the dev-set format.")
    Path truth;

    @Option(names = "--export", paramLabel = "FILE", description = "Score this JSONL export instead of the database.")
    Path export;

    private final Exporter exporter;

    public EvaluateCommand(Exporter exporter) {
        this.exporter = exporter;
    }

    @Override
    public Integer call() throws Exception {
        var records = export != null ? Scorer.readJsonl(export) : exporter.records(new kz.hattama.export.ExportFilter(java.util.Set.of()));
        System.out.print(Scorer.score(truth, records).format());
        return 0;
    }
}
