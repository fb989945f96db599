package kz.hattama.cli;

import picocli.CommandLine.Command;

@Command(name = "hattama", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Reads photos and scans of polling-station protocols into a checked dataset.",
        subcommands = {DigitizeCommand.class, ExportCommand.class, EvaluateCommand.class, BenchmarkCommand.class,
                PrecinctsCommand.class, OfficialCommand.class, StatsCommand.class, BundleCommand.class,
                ServeCommand.class, BotCommand.class, WorkerCommand.class, UserCommand.class, LoadTestCommand.class,
                BotLatencyCommand.class})
public class HattamaCommand {
}
