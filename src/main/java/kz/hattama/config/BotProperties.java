package kz.hattama.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the messenger bot. Each is also an environment variable (relaxed binding), documented in the README.
 *
 * @param token             the bot's token from BotFather; the bot runs in {@code serve} only when it is set
 *                          ({@code HATTAMA_TELEGRAM_TOKEN}); never logged
 * @param apiUrl            the Bot API server: {@code {apiUrl}/bot{token}/METHOD} and
 *                          {@code {apiUrl}/file/bot{token}/{path}} ({@code HATTAMA_TELEGRAM_API_URL})
 * @param botName           the bot's username, for the invitation link {@code t.me/NAME?start=CODE}
 *                          ({@code HATTAMA_TELEGRAM_BOT_NAME})
 * @param maxFileMb         the largest file the bot downloads, checked on Telegram's {@code file_size} first
 *                          ({@code HATTAMA_TELEGRAM_MAX_FILE_MB}; the public Bot API serves at most 20)
 * @param messagesPerMinute messages one chat may send in a minute; more are dropped unanswered
 *                          ({@code HATTAMA_TELEGRAM_MESSAGES_PER_MINUTE})
 */
@ConfigurationProperties("hattama.telegram")
public record BotProperties(String token, @DefaultValue("https://api.telegram.org") String apiUrl,
                            @DefaultValue("hattama_bot") String botName, @DefaultValue("20") int maxFileMb,
                            @DefaultValue("20") int messagesPerMinute) {

    public BotProperties {
        if (maxFileMb < 1 || messagesPerMinute < 1) {
            throw new IllegalArgumentException("hattama.telegram.max-file-mb and messages-per-minute must be at least 1");
        }
    }

    public BotProperties withApiUrl(String url) {
        return new BotProperties(token, url, botName, maxFileMb, messagesPerMinute);
    }
}
