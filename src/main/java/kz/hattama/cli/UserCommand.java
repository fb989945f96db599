package kz.hattama.cli;

import kz.hattama.bot.BotStore;
import kz.hattama.config.BotProperties;
import kz.hattama.users.AppUser;
import kz.hattama.users.Role;
import kz.hattama.users.UserStore;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Manages the people who log in to the web app (serve).",
        subcommands = {UserCommand.Add.class, UserCommand.Passwd.class, UserCommand.ListUsers.class, UserCommand.Invite.class,
                UserCommand.Unlink.class})
public class UserCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Adds a user. The password is asked for on the terminal, or read from the first line of "
                    + "standard input when that is not a terminal (echo \"$PW\" | hattama user add NAME).")
    static class Add implements Callable<Integer> {

        @Option(names = "--role", defaultValue = "VOLUNTEER", paramLabel = "VOLUNTEER|REVIEWER|ADMIN",
                description = "What the user may do (default VOLUNTEER).")
        Role role;

        @Parameters(paramLabel = "NAME", description = "The login.")
        String login;

        @Autowired
        private UserStore users;

        @Override
        public Integer call() throws IOException {
            return refusalsExit2(() -> {
                AppUser user = users.add(login, readPassword(), role);
                return "Added " + user.login() + " (" + user.role() + ")";
            });
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Sets a user's password (read as for add).")
    static class Passwd implements Callable<Integer> {

        @Parameters(paramLabel = "NAME", description = "The login.")
        String login;

        @Autowired
        private UserStore users;

        @Override
        public Integer call() throws IOException {
            AppUser user = users.byLogin(login).orElse(null);
            if (user == null) {
                System.err.println("No user " + login);
                return 2;
            }
            return refusalsExit2(() -> {
                users.setPassword(user.id(), readPassword());
                return "Password of " + login + " changed";
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the users and their roles.")
    static class ListUsers implements Callable<Integer> {

        @Autowired
        private UserStore users;

        @Override
        public Integer call() {
            for (AppUser u : users.all()) {
                System.out.printf("%-24s %-10s %s%n", u.login(), u.role(), u.enabled() ? "" : "disabled");
            }
            return 0;
        }
    }

    @Command(name = "invite", mixinStandardHelpOptions = true,
            description = "Makes a one-time code that links a Telegram account to NAME (made with a random password "
                    + "when new: set one with passwd for the web app) and prints it with its t.me link.")
    static class Invite implements Callable<Integer> {

        @Option(names = "--role", defaultValue = "VOLUNTEER", paramLabel = "VOLUNTEER|REVIEWER|ADMIN",
                description = "The role of a new user (default VOLUNTEER); an existing user keeps theirs.")
        Role role;

        @Parameters(paramLabel = "NAME", description = "The login.")
        String login;

        @Autowired
        private UserStore users;
        @Autowired
        private BotStore bot;
        @Autowired
        private BotProperties botProperties;

        @Override
        public Integer call() throws IOException {
            return refusalsExit2(() -> {
                AppUser user = users.byLogin(login).orElseGet(() -> users.add(login, randomPassword(), role));
                String code = bot.invite(user.id());
                return "Invitation for " + user.login() + " (" + user.role() + "), usable once:\n  code: " + code
                        + "\n  link: https://t.me/" + botProperties.botName() + "?start=" + code;
            });
        }

        private static String randomPassword() {
            byte[] bytes = new byte[24];
            new java.security.SecureRandom().nextBytes(bytes);
            return java.util.Base64.getEncoder().encodeToString(bytes);
        }
    }

    @Command(name = "unlink", mixinStandardHelpOptions = true,
            description = "Unlinks NAME's messenger accounts: the bot refuses them from the next message on.")
    static class Unlink implements Callable<Integer> {

        @Parameters(paramLabel = "NAME", description = "The login.")
        String login;

        @Autowired
        private UserStore users;
        @Autowired
        private BotStore bot;

        @Override
        public Integer call() {
            AppUser user = users.byLogin(login).orElse(null);
            if (user == null) {
                System.err.println("No user " + login);
                return 2;
            }
            System.out.println("Unlinked " + bot.unlink(user.id()) + " chat(s) of " + login);
            return 0;
        }
    }

    interface Change {
        /** Does it and says what was done. */
        String run() throws IOException;
    }

    /** The store refuses a taken login or a weak password: the person's mistake, said plainly, exit status 2. */
    static int refusalsExit2(Change change) throws IOException {
        try {
            System.out.println(change.run());
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    /** Never from an option: a password on the command line ends up in the shell history and the process list. */
    static String readPassword() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password: ");
            char[] again = console.readPassword("Again: ");
            if (first == null || again == null || !new String(first).equals(new String(again))) {
                throw new IllegalArgumentException("The two passwords differ");
            }
            return new String(first);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? null : line.strip();
    }
}
