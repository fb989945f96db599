package kz.hattama.cli;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the web app on the same database and digitize job: volunteers upload, reviewers correct, "
                + "admins manage users and export; a REST API with tokens (port HATTAMA_PORT, default 8080).")
public class ServeCommand implements Callable<Integer> {

    @Autowired
    private ConfigurableApplicationContext context;

    @Override
    public Integer call() throws InterruptedException {
        // The server runs on Spring's threads; this one only waits until Ctrl+C or SIGTERM closes the context.
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        if (context instanceof WebServerApplicationContext web) {
            System.out.println("Hattama serves on http://localhost:" + web.getWebServer().getPort() + "/ (Ctrl+C stops it)");
        }
        closed.await();
        return 0;
    }
}
