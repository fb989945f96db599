package kz.hattama.cli;

import kz.hattama.config.BotProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "bot", mixinStandardHelpOptions = true,
        description = "Runs the Telegram bot alone (HATTAMA_TELEGRAM_TOKEN), with the upload queue that reads what it "
                + "receives; serve runs the same bot when the token is set.")
public class BotCommand implements Callable<Integer> {

    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private BotProperties props;

    @Override
    public Integer call() throws InterruptedException {
        if (props.token() == null || props.token().isBlank()) {
            System.err.println("Set HATTAMA_TELEGRAM_TOKEN to the bot's token from BotFather");
            return 2;
        }
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        System.out.println("The Hattama bot runs (Ctrl+C stops it)");
        closed.await();
        return 0;
    }
}
