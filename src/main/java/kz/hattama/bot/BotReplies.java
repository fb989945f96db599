package kz.hattama.bot;

import kz.hattama.protocol.FieldResult;
import kz.hattama.store.ProtocolStore;
import kz.hattama.store.StoredProtocol;
import kz.hattama.store.UploadStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells each chat what its files became once the upload queue has read them. The state is in the database
 * (messenger_file.replied_at), so a reply owed before a restart is sent after it.
 */
public class BotReplies implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BotReplies.class);

    private final BotStore store;
    private final UploadStore uploads;
    private final ProtocolStore protocols;
    private final BotTexts texts;
    private final Map<String, Messenger> messengers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bot-replies");
        t.setDaemon(true);
        return t;
    });

    public BotReplies(BotStore store, UploadStore uploads, ProtocolStore protocols, BotTexts texts, long pollMillis) {
        this.store = store;
        this.uploads = uploads;
        this.protocols = protocols;
        this.texts = texts;
        worker.scheduleWithFixedDelay(this::sendOwed, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    public void register(Messenger messenger) {
        messengers.put(messenger.name(), messenger);
    }

    void sendOwed() {
        if (messengers.isEmpty()) {
            // serve without a bot token: nobody to tell, so the database is not asked
            return;
        }
        try {
            for (BotStore.Pending p : store.readAndUnreplied()) {
                Messenger m = messengers.get(p.messenger());
                if (m == null) {
                    continue;
                }
                String lang = store.link(p.messenger(), p.chatId()).map(BotStore.Link::language).orElse(null);
                if (lang != null) {
                    uploads.withFiles(p.batchId()).ifPresent(b -> m.send(p.chatId(),
                            texts.reply(lang, b, protocols::protocol, protocol -> facts(protocol, b.batch().userId()))));
                }
                // An unlinked chat is owed nothing: the admin stopped it.
                store.replied(p.batchId());
            }
            tellSignOffs();
        } catch (RuntimeException e) {
            log.warn("Replies could not be sent; they are tried again: {}", e.getClass().getSimpleName());
        }
    }

    /** A protocol's reply, as the chat of volunteer {@code userId} gets it. */
    public String describe(String language, StoredProtocol p, Long userId) {
        return texts.protocol(language, p, facts(p, userId));
    }

    /**
     * Whether the precinct is on the official list, and whether other observers sent it with the same figures:
     * different where both read a figure and the figures differ. Only a sure number is compared, so that a misread
     * one is not set against another precinct's protocol.
     */
    BotTexts.PrecinctFacts facts(StoredProtocol p, Long userId) {
        if (p.precinct() == null) {
            return BotTexts.PrecinctFacts.NONE;
        }
        Boolean official = store.onOfficialList(p.precinct()).orElse(null);
        if (p.surePrecinct() == null || userId == null) {
            return new BotTexts.PrecinctFacts(official, null);
        }
        Map<String, Integer> mine = new HashMap<>();
        p.fields().forEach(f -> mine.put(f.key(), f.value()));
        Boolean agree = null;
        for (long other : store.othersOfPrecinct(p.precinct(), p.id(), userId)) {
            Optional<StoredProtocol> theirs = protocols.protocol(other);
            if (theirs.isEmpty()) {
                continue;
            }
            agree = agree == null || agree;
            for (FieldResult f : theirs.get().fields()) {
                Integer own = mine.get(f.key());
                if (own != null && f.value() != null && !own.equals(f.value())) {
                    agree = false;
                }
            }
        }
        return new BotTexts.PrecinctFacts(official, agree);
    }

    /**
     * Tells each chat when a reviewer signed off a protocol it sent. Looked for here rather than told by the review
     * page, which comes before the bot and knows nothing of it.
     */
    private void tellSignOffs() {
        for (BotStore.ReviewNotice n : store.untoldSignOffs()) {
            Messenger m = messengers.get(n.messenger());
            if (m == null) {
                continue;
            }
            // Recorded before it is sent: a notice is told once, never twice, even if the bot stops in between.
            if (store.told(n)) {
                store.link(n.messenger(), n.chatId()).ifPresent(link -> m.send(n.chatId(),
                        texts.get(link.language(), "bot.signed_off", n.precinct() == null ? "?" : n.precinct())));
            }
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
