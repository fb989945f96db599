package kz.hattama.upload;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;

/** The upload queue runs in {@code serve} (the web app) and in {@code bot} (the bot alone, profile {@value #BOT_PROFILE}). */
public class QueueRuns extends AnyNestedCondition {

    public static final String BOT_PROFILE = "bot";

    QueueRuns() {
        super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnWebApplication
    static class Serve {
    }

    @Profile(BOT_PROFILE)
    static class Bot {
    }
}
