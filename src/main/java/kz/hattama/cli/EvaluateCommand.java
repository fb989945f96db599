package kz.hattama.cli;

import kz.hattama.export.ExportFilter;
import kz.hattama.export.ExportRecord;
import kz.hattama.export.ExportSource;
import java.util.ArrayList;
import java.util.List;
import kz.hattama.export.Scorer;
import org.springframework.beans.factory.annotation.Autowired;
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

    @Autowired
    private ExportSource source;

    @Override
    public Integer call() throws Exception {
        if (export != null) {
            System.out.print(Scorer.score(source.form(), truth, export).report());
            return 0;
        }
        List<ExportRecord> records = new ArrayList<>();
        source.forEach(ExportFilter.all(), records::add);
        System.out.print(Scorer.scoreRecords(source.form(), truth, records).report());
        return 0;
    }
}
