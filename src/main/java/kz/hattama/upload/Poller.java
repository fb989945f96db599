package kz.hattama.upload;

import org.springframework.context.SmartLifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A part of the web app that works on one daemon thread of its own, looking again every few seconds while the app
 * runs: one thread, so that its looks never overlap; a daemon, so that a stuck look never keeps the JVM alive.
 */
abstract class Poller implements SmartLifecycle {

    private final String threadName;
    private final long pollSeconds;
    private ScheduledExecutorService worker;
    private volatile boolean running;

    Poller(String threadName, long pollSeconds) {
        this.threadName = threadName;
        this.pollSeconds = pollSeconds;
    }

    /** One look; runs on the worker thread only. */
    protected abstract void poll();

    /** Before the thread starts; may refuse to start by throwing. */
    protected void starting() {
    }

    /** Work to run once on the worker thread before the first look. */
    protected void first() {
    }

    @Override
    public synchronized void start() {
        starting();
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        running = true;
        worker.execute(this::first);
        worker.scheduleWithFixedDelay(this::poll, 0, pollSeconds, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        running = false;
        worker.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Asks for a look as soon as the worker thread is free, rather than at the next tick. */
    protected void pollSoon() {
        if (running) {
            worker.execute(this::poll);
        }
    }
}
