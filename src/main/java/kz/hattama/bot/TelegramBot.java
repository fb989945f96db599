package kz.hattama.bot;

import kz.hattama.config.BotProperties;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Telegram bot on long polling. The library moves its own offset as soon as updates arrive, so the bot asks for
 * updates from its own offset instead, moved past an update only once the conversation has handled (and stored) it:
 * a bot killed in between is handed the same updates again, and messenger_file stores each file once.
 */
public class TelegramBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
    /** Files the bot takes as documents: images and PDFs, and zips of them; anything else is left to the intake. */
    private static final Set<String> TAKEN = Set.of("application/pdf", "application/zip", "application/x-zip-compressed");
    private static final int LONG_POLL_SECONDS = 25;
    /**
     * How long an album waits after its latest part before it becomes one upload. Telegram hands an album's parts
     * within a second or two, possibly in different polls, and never says how many there are.
     */
    static final long ALBUM_QUIET_MILLIS = 3000;

    private final BotConversation conversation;
    private final TelegramMessenger messenger;
    private final TelegramBotsLongPollingApplication app;
    private final AtomicLong confirmed = new AtomicLong(0);
    private final ScheduledExecutorService albums = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "telegram-albums");
        t.setDaemon(true);
        return t;
    });

    public TelegramBot(BotProperties props, BotConversation conversation, BotReplies replies) {
        this(props, conversation, replies, LONG_POLL_SECONDS);
    }

    public TelegramBot(BotProperties props, BotConversation conversation, BotReplies replies, int longPollSeconds) {
        this.conversation = conversation;
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(longPollSeconds + 15)).build();
        this.messenger = new TelegramMessenger(props, http);
        replies.register(messenger);
        this.app = new TelegramBotsLongPollingApplication(com.fasterxml.jackson.databind.ObjectMapper::new, () -> http);
        try {
            app.registerBot(props.token(), () -> TelegramMessenger.telegramUrl(props),
                    ignored -> GetUpdates.builder().offset((int) confirmed.get() + 1).timeout(longPollSeconds)
                            .allowedUpdates(List.of("message")).build(),
                    this::consume);
        } catch (Exception e) {
            throw new IllegalStateException("The Telegram bot could not start: " + messenger.redact(e.getMessage()));
        }
        albums.scheduleWithFixedDelay(this::flushAlbums, 500, 500, TimeUnit.MILLISECONDS);
        log.info("The Telegram bot polls {}", props.apiUrl());
    }

    public Messenger messenger() {
        return messenger;
    }

    private void consume(List<Update> updates) {
        for (Update u : updates.stream().sorted(Comparator.comparing(Update::getUpdateId)).toList()) {
            if (u.getUpdateId() <= confirmed.get()) {
                continue;
            }
            try {
                Message m = u.getMessage();
                if (m != null) {
                    conversation.handle(messenger, incoming(m));
                }
            } catch (RuntimeException e) {
                // Not confirmed: the next poll hands it again (the database may be back by then).
                log.warn("Update {} could not be handled; it is read again: {}", u.getUpdateId(), e.getClass().getSimpleName());
                return;
            }
            confirmed.set(u.getUpdateId());
        }
    }

    private void flushAlbums() {
        try {
            conversation.refreshLinks(messenger);
            conversation.flushAlbums(messenger, ALBUM_QUIET_MILLIS);
            conversation.flushSpool(messenger);
        } catch (RuntimeException e) {
            // The parts are kept on disk (and in the database): the next round makes the upload.
            log.debug("Albums or files kept while the database was away could not be made uploads; tried again: {}",
                    e.getClass().getSimpleName());
        }
    }

    public static IncomingMessage incoming(Message m) {
        String lang = m.getFrom() == null ? null : m.getFrom().getLanguageCode();
        List<IncomingMessage.Attachment> files = List.of();
        if (m.hasPhoto()) {
            // Telegram sends several sizes of a photo; the largest is the one worth reading.
            PhotoSize p = m.getPhoto().stream().max(Comparator.comparingLong(s -> (long) s.getWidth() * s.getHeight())).orElseThrow();
            files = List.of(new IncomingMessage.Attachment(p.getFileId(), p.getFileUniqueId(), "photo.jpg",
                    p.getFileSize() == null ? null : p.getFileSize().longValue()));
        } else if (m.hasDocument() && taken(m.getDocument())) {
            Document d = m.getDocument();
            files = List.of(new IncomingMessage.Attachment(d.getFileId(), d.getFileUniqueId(), d.getFileName(), d.getFileSize()));
        }
        return new IncomingMessage(m.getChatId().toString(), lang, m.hasText() ? m.getText() : m.getCaption(), files,
                m.getMediaGroupId());
    }

    private static boolean taken(Document d) {
        String type = d.getMimeType() == null ? "" : d.getMimeType().toLowerCase(Locale.ROOT);
        return type.startsWith("image/") || TAKEN.contains(type);
    }

    @Override
    public void close() throws Exception {
        albums.shutdownNow();
        app.close();
    }
}
