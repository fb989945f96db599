package kz.hattama.cli;

import kz.hattama.bundle.EvidenceBundler;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;

@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = "Evidence for a protocol with a failed check or figures other than the official result, in one zip: the original scan and its SHA-256, each "
                + "field cut from the page, both readings, the checks with their arithmetic, the review history, "
                + "the official line beside the crops where one was imported, summary.html and summary.pdf to print.")
public class BundleCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PROTOCOL_ID", description = "The protocol's \"id\" in the export, e.g. 3ad8daefc7066b12-1.")
    String id;

    @Option(names = "--out", paramLabel = "FILE.zip", description = "Where to write; evidence-PROTOCOL_ID.zip by default.")
    Path out;

    @Autowired
    private EvidenceBundler bundler;

    @Override
    public Integer call() throws Exception {
        Path zip = out != null ? out : Path.of("evidence-" + id.replaceAll("[^A-Za-z0-9_-]", "_") + ".zip");
        try {
            EvidenceBundler.Bundle b = bundler.write(id, zip);
            System.out.println("Wrote " + b.entries().size() + " files to " + zip
                    + (b.crops() ? "" : " (the page could not be found again: whole scan and boxes, no crops)"));
            return 0;
        } catch (NoSuchElementException | EvidenceBundler.NothingToProve e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }
}
