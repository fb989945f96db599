package kz.hattama.cli;

import kz.hattama.batch.DigitizeLauncher;
import kz.hattama.store.JobSummaries;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "digitize", mixinStandardHelpOptions = true,
        description = "Reads protocol scans, photos and PDFs (folders, zips or single files) into the database. "
                + "Running the same command again after an interruption finishes the interrupted run.")
public class DigitizeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Folders, zip files or single files.")
    List<Path> paths;

    // Field injection: picocli first builds commands without Spring to parse the command line.
    @Autowired
    private DigitizeLauncher launcher;
    @Autowired
    private JobSummaries jobs;

    @Override
    public Integer call() throws Exception {
        for (Path p : paths) {
            if (!Files.exists(p)) {
                System.err.println("No such file or folder: " + p);
                return 2;
            }
        }
        ProgressRun.Result result = ProgressRun.run(launcher, jobs, paths);
        ProgressRun.print(result, System.out);
        if (result.status() != BatchStatus.COMPLETED) {
            System.err.println("The job ended " + result.status() + ": "
                    + result.exitDescription().lines().findFirst().orElse("")
                    + "\nRun the same command again to continue where it stopped.");
            return 1;
        }
        return 0;
    }
}
