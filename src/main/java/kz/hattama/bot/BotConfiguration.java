package kz.hattama.bot;

import kz.hattama.config.BotProperties;
import kz.hattama.store.ProtocolStore;
import kz.hattama.store.UploadStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import kz.hattama.upload.QueueRuns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The bot runs where the upload queue runs ({@code serve}, {@code bot}) and only when a token is set. */
@Configuration
@Conditional(QueueRuns.class)
public class BotConfiguration {

    /** How often owed replies are looked for: a reply should come within seconds of its upload being read. */
    static final long REPLY_POLL_MILLIS = 1000;

    @Bean(destroyMethod = "close")
    public BotReplies botReplies(BotStore store, UploadStore uploads, ProtocolStore protocols, BotTexts texts) {
        return new BotReplies(store, uploads, protocols, texts, REPLY_POLL_MILLIS);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${hattama.telegram.token:}' != ''")
    public TelegramBot telegramBot(BotProperties props, BotConversation conversation, BotReplies replies) {
        return new TelegramBot(props, conversation, replies);
    }
}
