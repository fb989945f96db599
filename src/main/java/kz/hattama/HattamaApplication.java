package kz.hattama;

import kz.hattama.batch.RemotePartitioning;
import kz.hattama.cli.BenchmarkCommand;
import kz.hattama.cli.HattamaCommand;
import kz.hattama.cli.LoadTestCommand;
import kz.hattama.cli.ServeCommand;
import kz.hattama.cli.WorkerCommand;
import kz.hattama.config.HattamaProperties;
import kz.hattama.config.WebProperties;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

@SpringBootApplication
@EnableConfigurationProperties({HattamaProperties.class, WebProperties.class, kz.hattama.config.BotProperties.class})
public class HattamaApplication {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Parses the command line before Spring starts, so that help and usage errors answer at once
     * without starting a database.
     */
    public static int run(String... args) {
        CommandLine plain = new CommandLine(new HattamaCommand());
        CommandLine.ParseResult parsed;
        try {
            parsed = plain.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            try {
                return plain.getParameterExceptionHandler().handleParseException(e, args);
            } catch (Exception unexpected) {
                System.err.println(e.getMessage());
                return 2;
            }
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            return 0;
        }
        if (!parsed.hasSubcommand()) {
            plain.usage(System.err);
            return 2;
        }
        Object command = parsed.subcommand().commandSpec().userObject();
        if (command instanceof LoadTestCommand) {
            // A client of another Hattama: no database, no Spring.
            return new CommandLine(new HattamaCommand()).execute(args);
        }
        boolean latency = command instanceof kz.hattama.cli.BotLatencyCommand;
        java.nio.file.Path scratch = command instanceof BenchmarkCommand || latency ? freshDatabase() : null;
        if (latency) {
            // Its web upload is one upload of all its files, the longest a bot's file could be stuck behind.
            System.setProperty("hattama.max-files-per-upload", Integer.toString(kz.hattama.cli.BotLatencyCommand.MAX_WEB_FILES));
        }
        // Only serve starts a web server; the other commands run and exit.
        WebApplicationType type = command instanceof ServeCommand ? WebApplicationType.SERVLET : WebApplicationType.NONE;
        SpringApplicationBuilder app = new SpringApplicationBuilder(HattamaApplication.class).web(type).logStartupInfo(false);
        if (command instanceof WorkerCommand) {
            // Only a worker takes partitions from the broker; digitize and serve send them.
            app.profiles(RemotePartitioning.WORKER_PROFILE);
        }
        if (command instanceof kz.hattama.cli.BotCommand || latency) {
            // The bot alone still needs the upload queue that reads what it receives.
            app.profiles(kz.hattama.upload.QueueRuns.BOT_PROFILE);
        }
        try (ConfigurableApplicationContext context = app.run()) {
            CommandLine cli = new CommandLine(new HattamaCommand(), new SpringFactory(context));
            return cli.execute(args);
        } finally {
            if (scratch != null) {
                org.springframework.util.FileSystemUtils.deleteRecursively(scratch.toFile());
            }
        }
    }

    /** The benchmark measures a clean run: its own embedded database in a temporary folder. */
    private static java.nio.file.Path freshDatabase() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory(BenchmarkCommand.FRESH_DATA_DIR);
            System.setProperty("hattama.data-dir", dir.toString());
            System.setProperty("hattama.db.url", "");
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create a temporary folder for the benchmark database", e);
        }
    }

    /** Lets picocli build commands as Spring beans, so they get the stores and exporters injected. */
    record SpringFactory(ConfigurableApplicationContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return context.getAutowireCapableBeanFactory().createBean(cls);
            } catch (Exception e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
