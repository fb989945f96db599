package kz.hattama.bot;

import kz.hattama.config.BotProperties;
import kz.hattama.store.DatabaseOutage;
import kz.hattama.store.StoreProperties;
import kz.hattama.store.UploadStore;
import kz.hattama.upload.UploadException;
import kz.hattama.upload.UploadService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
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
    /** Where the parts of albums wait, one folder per album, until the album becomes one upload. */
    private final Path albums;
    /** Keeping a part and making an upload of its album never run at once, so that no part falls between them. */
    private final Object albumLock = new Object();
    /**
     * Files received while the database was away, one folder per file, until they are queued: a linked chat's photo
     * is not turned away because the database restarts. See {@link #offline}.
     */
    private final Path spool;
    /**
     * The linked chats as the database last said (messenger:chat), for while it is away: refreshed every
     * {@link #LINKS_REFRESH_MILLIS}, and at once by every lookup, link and unlink this bot makes. Null until the first
     * load succeeded: before that nothing is known, and every update waits for the database unconfirmed.
     */
    private volatile Map<String, BotStore.Link> linked;
    private volatile long linksLoadedAt;
    static final long LINKS_REFRESH_MILLIS = 30_000;

    public BotConversation(BotStore store, UploadService uploads, UploadStore batches, BotTexts texts, BotProperties props,
                           StoreProperties storage) {
        this.store = store;
        this.albums = storage.dataDir().resolve("bot-albums").toAbsolutePath().normalize();
        this.spool = storage.dataDir().resolve("bot-spool").toAbsolutePath().normalize();
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
        Optional<BotStore.Link> link;
        try {
            if (text.startsWith("/start")) {
                start(messenger, message, text.substring("/start".length()).strip());
                return;
            }
            link = store.link(messenger.name(), chat);
        } catch (DataAccessException e) {
            if (!DatabaseOutage.isOutage(e) || linked == null) {
                throw e;
            }
            offline(messenger, message, text);
            return;
        }
        remember(messenger.name(), chat, link);
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
            remember(messenger.name(), message.chatId(), Optional.of(new BotStore.Link(user.get(), lang)));
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
            } else if (store.claim(messenger.name(), chat, a.uniqueId(), message.album())) {
                fresh.add(a);
            } else {
                messenger.send(chat, texts.get(lang, "bot.already_received"));
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        if (message.album() != null) {
            keep(messenger, chat, message.album(), fresh, lang);
            return;
        }
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("hattama-bot");
            List<UploadService.Incoming> files = new ArrayList<>();
            for (IncomingMessage.Attachment a : fresh) {
                Path file = tmp.resolve(fileName(a));
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

    /**
     * Downloads an album's part into the album's folder; {@link #flushAlbums} makes the upload. Telegram sends an
     * album as one message per file, possibly in different polls, and does not say how many parts there are.
     */
    private void keep(Messenger messenger, String chat, String album, List<IncomingMessage.Attachment> fresh, String lang) {
        synchronized (albumLock) {
            try {
                for (IncomingMessage.Attachment a : fresh) {
                    downloadWhole(messenger, a, albumFolder(messenger, chat, album).resolve(safe(a.uniqueId())));
                }
            } catch (Messenger.TooLargeException e) {
                fresh.forEach(a -> store.release(messenger.name(), chat, a.uniqueId()));
                messenger.send(chat, texts.get(lang, "bot.too_large", maxBytes / (1024 * 1024)));
            } catch (IOException e) {
                fresh.forEach(a -> store.release(messenger.name(), chat, a.uniqueId()));
                log.warn("A part of an album from a linked chat could not be kept: {}", e.getClass().getSimpleName());
                messenger.send(chat, texts.get(lang, "bot.not_stored"));
            }
        }
    }

    /**
     * Makes one upload of each album of {@code messenger} no part of which came for {@code quietMillis}. Its parts
     * are on disk and in messenger_file, so an album kept before a restart becomes its upload after it.
     */
    public void flushAlbums(Messenger messenger, long quietMillis) {
        synchronized (albumLock) {
            for (BotStore.Album album : store.quietAlbums(messenger.name(), quietMillis)) {
                String chat = album.chatId();
                Path folder = albumFolder(messenger, chat, album.album());
                List<Saved> files = new ArrayList<>();
                List<String> kept = new ArrayList<>();
                for (String id : album.uniqueIds()) {
                    Optional<Path> file = whole(folder.resolve(safe(id)));
                    if (file.isPresent()) {
                        files.add(new Saved(file.get().getFileName().toString(), file.get()));
                        kept.add(id);
                    } else {
                        // Claimed but never whole (killed while downloading): its update was not confirmed and comes again.
                        store.release(messenger.name(), chat, id);
                    }
                }
                Optional<BotStore.Link> link = store.link(messenger.name(), chat);
                try {
                    if (files.isEmpty()) {
                        continue;
                    }
                    if (link.isEmpty()) {
                        // Unlinked while the album was coming: the admin stopped the chat, so nothing of it is stored.
                        kept.forEach(id -> store.release(messenger.name(), chat, id));
                        continue;
                    }
                    String lang = link.get().language();
                    try {
                        UploadStore.Batch batch = uploads.receive(link.get().userId(), UploadStore.Origin.BOT, files);
                        store.stored(messenger.name(), chat, kept, batch.id());
                        messenger.send(chat, texts.get(lang, "bot.album_received", kept.size()));
                    } catch (UploadException e) {
                        kept.forEach(id -> store.release(messenger.name(), chat, id));
                        log.warn("An album from a linked chat could not be stored: {}", e.getClass().getSimpleName());
                        messenger.send(chat, texts.get(lang, "bot.not_stored"));
                    }
                } finally {
                    org.springframework.util.FileSystemUtils.deleteRecursively(folder.toFile());
                }
            }
        }
    }

    /**
     * The database is away. A chat linked when the bot last looked sends a file: it is downloaded into
     * {@code bot-spool} and the chat told "received, it will be read"; {@link #flushSpool} queues it once the
     * database is back, and the reply with what was read follows as always. The update is confirmed then, as the file
     * is stored (on disk). A chat not linked then is refused as always (nothing downloaded); a command waits.
     */
    private void offline(Messenger messenger, IncomingMessage message, String text) {
        String chat = message.chatId();
        BotStore.Link link = linked.get(messenger.name() + ":" + chat);
        if (link == null) {
            if (text.startsWith("/start")) {
                messenger.send(chat, texts.get(BotTexts.languageOf(message.language()), "bot.unavailable"));
            } else if (refused.put(messenger.name() + ":" + chat, System.currentTimeMillis()) == null) {
                messenger.send(chat, texts.get(BotTexts.languageOf(message.language()), "bot.not_invited"));
            }
            return;
        }
        String lang = link.language();
        if (message.files().isEmpty()) {
            messenger.send(chat, texts.get(lang, "bot.unavailable"));
            return;
        }
        synchronized (albumLock) {
            for (IncomingMessage.Attachment a : message.files()) {
                if (a.size() != null && a.size() > maxBytes) {
                    messenger.send(chat, texts.get(lang, "bot.too_large", maxBytes / (1024 * 1024)));
                    continue;
                }
                Path folder = spool.resolve(safe(messenger.name())).resolve(safe(chat)).resolve(safe(a.uniqueId()));
                try {
                    downloadWhole(messenger, a, folder);
                    messenger.send(chat, texts.get(lang, "bot.received_later"));
                } catch (Messenger.TooLargeException e) {
                    org.springframework.util.FileSystemUtils.deleteRecursively(folder.toFile());
                    messenger.send(chat, texts.get(lang, "bot.too_large", maxBytes / (1024 * 1024)));
                } catch (IOException e) {
                    org.springframework.util.FileSystemUtils.deleteRecursively(folder.toFile());
                    log.warn("A file from a linked chat could not be kept while the database is away: {}",
                            e.getClass().getSimpleName());
                    messenger.send(chat, texts.get(lang, "bot.not_stored"));
                }
            }
        }
    }

    /**
     * Queues the files kept while the database was away, each as an upload of its own, as if it came now: the chat
     * is looked up again (one unlinked meanwhile gets nothing stored), and a file the chat had sent before is stored
     * once. A file stays in the spool until its upload is queued, so a failure or a kill in between only delays it.
     */
    public void flushSpool(Messenger messenger) {
        Path root = spool.resolve(safe(messenger.name()));
        if (!Files.isDirectory(root)) {
            return;
        }
        synchronized (albumLock) {
            List<Path> kept;
            try (var files = Files.walk(root, 2)) {
                kept = files.filter(p -> root.relativize(p).getNameCount() == 2 && Files.isDirectory(p)).sorted().toList();
            } catch (IOException e) {
                log.warn("Cannot look at the bot's spool {}", root, e);
                return;
            }
            for (Path folder : kept) {
                String chat = folder.getParent().getFileName().toString();
                String id = folder.getFileName().toString();
                Optional<Path> file = whole(folder);
                if (file.isEmpty()) {
                    // Killed while downloading: its update was not confirmed and comes again.
                    org.springframework.util.FileSystemUtils.deleteRecursively(folder.toFile());
                    continue;
                }
                Optional<BotStore.Link> link = store.link(messenger.name(), chat);
                remember(messenger.name(), chat, link);
                if (link.isPresent()) {
                    String lang = link.get().language();
                    if (!store.claim(messenger.name(), chat, id)) {
                        messenger.send(chat, texts.get(lang, "bot.already_received"));
                    } else {
                        try {
                            Path source = file.get();
                            UploadStore.Batch batch = uploads.receive(link.get().userId(), UploadStore.Origin.BOT,
                                    List.of(new Copied(source.getFileName().toString(), source)));
                            store.stored(messenger.name(), chat, List.of(id), batch.id());
                        } catch (UploadException e) {
                            store.release(messenger.name(), chat, id);
                            log.warn("A file kept while the database was away could not be stored: {}", e.getClass().getSimpleName());
                            messenger.send(chat, texts.get(lang, "bot.not_stored"));
                        }
                    }
                }
                org.springframework.util.FileSystemUtils.deleteRecursively(folder.toFile());
            }
        }
    }

    /** Loads the linked chats again when the last load is older than {@link #LINKS_REFRESH_MILLIS}. */
    public void refreshLinks(Messenger messenger) {
        if (linked != null && System.currentTimeMillis() - linksLoadedAt < LINKS_REFRESH_MILLIS) {
            return;
        }
        Map<String, BotStore.Link> fresh = new ConcurrentHashMap<>();
        store.links(messenger.name()).forEach((chat, link) -> fresh.put(messenger.name() + ":" + chat, link));
        linked = fresh;
        linksLoadedAt = System.currentTimeMillis();
    }

    private void remember(String messenger, String chat, Optional<BotStore.Link> link) {
        Map<String, BotStore.Link> known = linked;
        if (known != null) {
            if (link.isPresent()) {
                known.put(messenger + ":" + chat, link.get());
            } else {
                known.remove(messenger + ":" + chat);
            }
        }
    }

    /**
     * Downloads a file into its own folder under its name, by way of a {@code .part} renamed once whole: a bot killed
     * while downloading leaves no file that an album upload or a spool flush would take.
     */
    private void downloadWhole(Messenger messenger, IncomingMessage.Attachment a, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path part = folder.resolve(".part");
        messenger.download(a.fileId(), part, maxBytes);
        Files.move(part, folder.resolve(fileName(a)), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Path albumFolder(Messenger messenger, String chat, String album) {
        return albums.resolve(safe(messenger.name())).resolve(safe(chat)).resolve(safe(album));
    }

    private static Optional<Path> whole(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (var list = Files.list(folder)) {
            return list.filter(f -> !f.getFileName().toString().equals(".part")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static String fileName(IncomingMessage.Attachment a) {
        return (a.uniqueId() + "-" + (a.name() == null ? "photo.jpg" : a.name())).replaceAll("[/\\\\]", "_");
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

    /** Copied, not moved: a spooled file stays until its upload is queued. */
    private record Copied(String name, Path file) implements UploadService.Incoming {
        @Override
        public void saveTo(Path target) throws IOException {
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private record Saved(String name, Path file) implements UploadService.Incoming {
        @Override
        public void saveTo(Path target) throws IOException {
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
