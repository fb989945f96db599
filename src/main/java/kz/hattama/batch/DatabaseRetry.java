package kz.hattama.batch;

import kz.hattama.store.DatabaseOutage;
import org.springframework.batch.core.step.skip.SkipPolicy;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.retry.RetryPolicy;
import org.springframework.retry.backoff.BackOffPolicy;
import org.springframework.retry.backoff.ExponentialBackOffPolicy;
import org.springframework.retry.policy.ExceptionClassifierRetryPolicy;
import org.springframework.retry.policy.NeverRetryPolicy;
import org.springframework.retry.policy.SimpleRetryPolicy;
import org.springframework.retry.policy.TimeoutRetryPolicy;

import java.time.Duration;

/**
 * What the job's steps try again. A database that went away is waited for as long as {@code HATTAMA_DB_OUTAGE_WAIT}
 * allows (the chunk is replayed in a fresh transaction once it is back: every store write is safe to repeat); a
 * transient error (a deadlock, a serialization failure) is tried a few times; anything else is the file's own fault.
 */
final class DatabaseRetry {

    private static final int TRANSIENT_ATTEMPTS = 3;

    private DatabaseRetry() {
    }

    static RetryPolicy policy(Duration outageWait) {
        TimeoutRetryPolicy outage = new TimeoutRetryPolicy();
        outage.setTimeout(outageWait.toMillis());
        RetryPolicy transientError = new SimpleRetryPolicy(TRANSIENT_ATTEMPTS);
        RetryPolicy never = new NeverRetryPolicy();
        ExceptionClassifierRetryPolicy policy = new ExceptionClassifierRetryPolicy();
        policy.setExceptionClassifier(t -> DatabaseOutage.isOutage(t) ? outage
                : t instanceof TransientDataAccessException ? transientError : never);
        return policy;
    }

    static BackOffPolicy backOff() {
        ExponentialBackOffPolicy backOff = new ExponentialBackOffPolicy();
        backOff.setInitialInterval(200);
        backOff.setMaxInterval(2_000);
        return backOff;
    }

    /**
     * A file whose reading crashed is skipped (and recorded as rejected); a database error is not the file's fault
     * and never skips it.
     */
    static SkipPolicy skipAllButDatabaseErrors() {
        return (t, skipCount) -> !(DatabaseOutage.isOutage(t) || t instanceof TransientDataAccessException);
    }
}
