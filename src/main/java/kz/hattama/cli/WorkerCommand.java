package kz.hattama.cli;

import kz.hattama.batch.RemotePartitioning.RemoteRecognition;
import kz.hattama.config.HattamaProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Reads files for digitize and serve runs on other machines: takes partitions of their recognize "
                + "step from the broker (HATTAMA_BROKER_URL), reads and stores through the shared database "
                + "(HATTAMA_DB_URL), HATTAMA_WORKERS threads. Runs until Ctrl+C or SIGTERM.")
public class WorkerCommand implements Callable<Integer> {

    @Autowired
    private ConfigurableApplicationContext context;
    @Autowired
    private ObjectProvider<RemoteRecognition> remote;
    @Autowired
    private ObjectProvider<Queue> queue;
    @Autowired
    private HattamaProperties props;

    @Override
    public Integer call() throws InterruptedException {
        if (remote.getIfAvailable() == null) {
            System.err.println("A worker needs HATTAMA_BROKER_URL (e.g. amqp://guest:guest@127.0.0.1:5672) and the "
                    + "manager's HATTAMA_DB_URL.");
            return 2;
        }
        // The consumers run on the broker's threads; this one only waits until the context closes.
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        System.out.println("Hattama worker: " + props.effectiveWorkers() + " threads on queue "
                + queue.getObject().getName() + " (Ctrl+C stops it)");
        closed.await();
        return 0;
    }
}
