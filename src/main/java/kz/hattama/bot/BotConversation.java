package kz.hattama.bot;

import kz.hattama.config.BotProperties;
import kz.hattama.store.UploadStore;
import kz.hattama.upload.UploadException;
import kz.hattama.upload.UploadService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the bot does with a message, whatever the messenger: links a chat with an invitation code, refuses chats
 * that are not linked (one short reply, nothing downloaded), and stores the files of linked ones as an upload of
 * their volunteer, which the upload queue reads as it reads the web page's. Runs on the messenger's polling thread:
 * the update is confirmed to the messenger only after this returns, so a file is stored before its update is let go.
 */
@Component
public class BotConversation {

    private static final Logger log = LoggerFactory.getLogger(BotConversation.class);
    private static final long MINUTE_MS = 60_000;

    private final BotStore store;
    private final UploadService uploads;
    private final UploadStore batches;
    private final BotTexts texts;
    private final long maxBytes;
    private final int perMinute;
    /** Each chat's recent messages (milliseconds), for the rate limit; unknown chats are counted too. */
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();
    /** Chats told they are not invited, so that each is told once, not once per message. */
    private final Map<String, Long> refused = new ConcurrentHashMap<>();

    public BotConversation(BotStore store, UploadService uploads, UploadStore batches, BotTexts texts, BotProperties props) {
        this.store = store;
        this.uploads = uploads;
        this.batches = batches;
        this.texts = texts;
        this.maxBytes = props.maxFileMb() * 1024L * 1024L;
        this.perMinute = props.messagesPerMinute();
    }

    public void handle(Messenger messenger, IncomingMessage message) {
        String chat = message.chatId();
        int seen = count(messenger.name() + ":" + chat);
        if (seen > perMinute) {
            // A flood gets no answer: answering would make the bot the flood's amplifier.
            return;
        }
        String text = message.text() == null ? "" : message.text().strip();
        if (text.startsWith("/start")) {
            start(messenger, message, text.substring("/start".length()).strip());
            return;
        }
        Optional<BotStore.Link> link = store.link(messenger.name(), chat);
        if (link.isEmpty()) {
            if (refused.put(messenger.name() + ":" + chat, System.currentTimeMillis()) == null) {
                messenger.send(chat, texts.get(BotTexts.languageOf(message.language()), "bot.not_invited"));
            }
            return;
        }
        String lang = link.get().language();
        if (text.startsWith("/lang")) {
            String next = text.substring("/lang".length()).strip();
            String chosen = BotTexts.LANGUAGES.contains(next) ? next : lang.equals("ru") ? "kk" : "ru";
            store.setLanguage(messenger.name(), chat, chosen);
            messenger.send(chat, texts.get(chosen, "bot.language"));
        } else if (text.startsWith("/status")) {
            messenger.send(chat, status(lang, link.get().userId()));
        } else if (!message.files().isEmpty()) {
            receive(messenger, message, link.get());
        } else {
            messenger.send(chat, texts.get(lang, "bot.help"));
        }
    }

    private void start(Messenger messenger, IncomingMessage message, String code) {
        String lang = BotTexts.languageOf(message.language());
        Optional<Long> user = store.redeem(messenger.name(), message.chatId(), code, lang);
        String key = messenger.name() + ":" + message.chatId();
        if (user.isPresent()) {
            refused.remove(key);
            refused.remove(key + ":code");
            messenger.send(message.chatId(), texts.get(lang, "bot.linked"));
        } else if (refused.put(key + ":code", System.currentTimeMillis()) == null) {
            // Once: a chat guessing codes learns nothing more from the second answer than from the first.
            messenger.send(message.chatId(), texts.get(lang, "bot.bad_code"));
        }
    }

    private void receive(Messenger messenger, IncomingMessage message, BotStore.Link link) {
        String chat = message.chatId();
        String lang = link.language();
        List<IncomingMessage.Attachment> fresh = new ArrayList<>();
        for (IncomingMessage.Attachment a : message.files()) {
            if (a.size() != null && a.size() > maxBytes) {
                messenger.send(chat, texts.get(lang, "bot.too_large", maxBytes / (1024 * 1024)));
            } else if (store.claim(messenger.name(), chat, a.uniqueId())) {
                fresh.add(a);
            } else {
                messenger.send(chat, texts.get(lang, "bot.already_received"));
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("hattama-bot");
            List<UploadService.Incoming> files = new ArrayList<>();
            for (IncomingMessage.Attachment a : fresh) {
                Path file = tmp.resolve(a.uniqueId() + "-" + (a.name() == null ? "photo.jpg" : a.name()).replaceAll("[/\\\\]", "_"));
                messenger.download(a.fileId(), file, maxBytes);
                files.add(new Saved(file.getFileName().toString(), file));
            }
            UploadStore.Batch batch = uploads.receive(link.userId(), UploadStore.Origin.BOT, files);
            store.stored(messenger.name(), chat, fresh.stream().map(IncomingMessage.Attachment::uniqueId).toList(), batch.id());
            messenger.send(chat, texts.get(lang, "bot.received"));
        } catch (Messenger.TooLargeException e) {
            fresh.forEach(a -> store.release(messenger.name(), chat, a.uniqueId()));
            messenger.send(chat, texts.get(lang, "bot.too_large", maxBytes / (1024 * 1024)));
        } catch (IOException | UploadException e) {
            fresh.forEach(a -> store.release(messenger.name(), chat, a.uniqueId()));
            // The message only: a download's exception may carry the URL, and the URL carries the token.
            log.warn("A file from a linked chat could not be stored: {}", e.getClass().getSimpleName());
            messenger.send(chat, texts.get(lang, "bot.not_stored"));
        } finally {
            if (tmp != null) {
                org.springframework.util.FileSystemUtils.deleteRecursively(tmp.toFile());
            }
        }
    }

    private String status(String lang, long userId) {
        List<UploadStore.BatchFiles> recent = batches.recent(userId, 10);
        if (recent.isEmpty()) {
            return texts.get(lang, "bot.status_none");
        }
        StringBuilder out = new StringBuilder(texts.get(lang, "bot.status_title"));
        for (UploadStore.BatchFiles b : recent) {
            for (UploadStore.UploadedFile f : b.files()) {
                String state = f.outcomes().isEmpty() ? texts.get(lang, "bot.state." + b.batch().state().name())
                        : String.join(", ", f.outcomes().stream()
                        .map(o -> texts.get(lang, "bot.status." + o.status().name())).toList());
                out.append('\n').append(b.batch().createdAt().toString(), 0, 16).append(' ').append(state);
            }
        }
        return out.toString();
    }

    /** Counts this message and returns how many the chat sent in the last minute, this one included. */
    private int count(String chat) {
        long now = System.currentTimeMillis();
        Deque<Long> times = recent.computeIfAbsent(chat, c -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() < now - MINUTE_MS) {
                times.pollFirst();
            }
            times.addLast(now);
            return times.size();
        }
    }

    private record Saved(String name, Path file) implements UploadService.Incoming {
        @Override
        public void saveTo(Path target) throws IOException {
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
