package kz.hattama.web;

import kz.hattama.bot.BotConversation;
import kz.hattama.bot.BotReplies;
import kz.hattama.bot.BotStore;
import kz.hattama.bot.TelegramBot;
import kz.hattama.config.BotProperties;
import kz.hattama.users.AppUser;
import kz.hattama.users.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Telegram bot against a Bot API stand-in on 127.0.0.1: invitation, linking, a two-sided protocol sent side by
 * side, the replies in Kazakh and Russian, and chats that are not linked. Shares the web tests' application, whose
 * upload queue reads what the bot stores.
 */
class TelegramBotTest extends WebTestBase {

    private static final Duration READ = Duration.ofSeconds(120);

    @Autowired
    BotStore botStore;
    @Autowired
    BotConversation conversation;
    @Autowired
    BotReplies replies;
    @Autowired
    kz.hattama.review.ReviewService review;
    @Autowired
    kz.hattama.store.ProtocolStore protocols;
    @Autowired
    kz.hattama.upload.UploadService uploadService;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    kz.hattama.store.StoreProperties storeProperties;
    @Autowired
    kz.hattama.config.WebProperties webProperties;
    @Autowired
    kz.hattama.users.UserStore userStore;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;
    @Autowired
    kz.hattama.bot.BotTexts texts;

    private TelegramStandIn api;
    private TelegramBot bot;

    @BeforeEach
    void start() {
        api = new TelegramStandIn();
        BotProperties props = new BotProperties(TelegramStandIn.TOKEN, api.url(), "hattama_test_bot", 20, 20);
        bot = new TelegramBot(props, conversation, replies, 1);
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
        api.close();
    }

    /**
     * A fixture photo made a file of its own (bytes after the JPEG's end, which readers ignore): the tests share one
     * database, where the same file twice would be a duplicate.
     */
    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = TelegramBotTest.class.getResourceAsStream("/fixtures/paperwork/" + name)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.write(in.readAllBytes());
            out.write(java.util.UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return out.toByteArray();
        }
    }

    /** Waits for a message to the chat that satisfies {@code what}, and returns it. */
    private String awaitReply(long chat, Predicate<String> what) {
        try {
            await().atMost(READ).pollInterval(Duration.ofMillis(100)).until(() -> api.to(chat).stream().anyMatch(what));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no such reply to chat " + chat + "; it was sent " + api.to(chat), e);
        }
        return api.to(chat).stream().filter(what).reduce((a, b) -> b).orElseThrow();
    }

    /**
     * A new observer linked to the chat (Russian replies) sends the front of the two-sided fixture as file {@code name};
     * returns the reply about it.
     */
    private String frontSentByANewObserver(long chat, String language, String name) throws IOException {
        api.file(name, fixture("two-sided-kk-front.jpg"));
        linkedInRussian(chat, language, "bot-" + name);
        api.photo(chat, language, name, "uq-" + name, 250_297);
        return awaitReply(chat, t -> t.contains("Участок"));
    }

    /** Links the chat as {@link #link} does and waits for the bot's Russian welcome. */
    private long linkedInRussian(long chat, String language, String loginPrefix) {
        long user = link(chat, language, loginPrefix);
        awaitReply(chat, t -> t.contains("Вы подключены"));
        return user;
    }

    private long link(long chat, String language, String loginPrefix) {
        AppUser observer = user(loginPrefix, Role.VOLUNTEER);
        String code = botStore.invite(observer.id());
        api.text(chat, language, "/start " + code);
        return observer.id();
    }

    @Test
    void aKazakhObserverSendsBothSidesAndIsToldWhatIsMissingThenTheJoinedProtocol() throws IOException {
        long chat = 7001;
        api.file("front-kk", fixture("two-sided-kk-front.jpg"));
        api.file("back-kk", fixture("two-sided-kk-back.jpg"));
        link(chat, "kk", "bot-kk");
        awaitReply(chat, t -> t.contains("қосылдыңыз"));

        int front = api.photo(chat, "kk", "front-kk", "uq-front-kk", 250_297);
        String first = awaitReply(chat, t -> t.contains("Учаске"));
        assertThat(first).contains("2-бет алынбады", "2884");
        // Telegram's thumbnail is never fetched: the largest size is the one read.
        assertThat(api.fileRequests).contains("front-kk").doesNotContain("front-kk-thumb");

        api.photo(chat, "kk", "back-kk", "uq-back-kk", 191_649);
        await().atMost(READ).until(() -> api.to(chat).stream().filter(t -> t.contains("Учаске")).count() == 2);
        String joined = api.to(chat).stream().filter(t -> t.contains("Учаске")).toList().get(1);
        assertThat(joined).contains("Учаске 898").doesNotContain("2-бет алынбады");

        // The same photo again, as a new message and as the same update handed again: stored once.
        int downloads = api.downloads.size();
        api.photo(chat, "kk", "front-kk", "uq-front-kk", 250_297);
        awaitReply(chat, t -> t.startsWith("Бұрын қабылданған"));
        api.again(front);
        int status = api.text(chat, "kk", "/status");
        awaitReply(chat, t -> t.startsWith("Сіз жібергендер"));
        await().atMost(READ).until(() -> api.confirmedBelow.get() > status);
        assertThat(api.downloads).hasSize(downloads);
        assertThat(jdbc.queryForObject("select count(*) from messenger_file where chat_id = ?", Integer.class,
                Long.toString(chat))).isEqualTo(2);
        print("kk", chat);
    }

    @Test
    void aRussianObserverGetsTheRepliesInRussianAndCanSwitchToKazakh() throws IOException {
        long chat = 7002;
        String first = frontSentByANewObserver(chat, "en", "front-ru");
        assertThat(first).contains("Сторона 2 не получена: сфотографируйте оборот листа");

        api.text(chat, "en", "/lang kk");
        awaitReply(chat, t -> t.contains("қазақ тілінде"));
        print("ru", chat);
    }

    @Test
    void anAlbumOfBothSidesIsOneUploadAndOneJoinedProtocolEvenAcrossPolls() throws IOException {
        long chat = 7009;
        api.file("album-front", fixture("two-sided-kk-front.jpg"));
        api.file("album-back", fixture("two-sided-kk-back.jpg"));
        long user = linkedInRussian(chat, "ru", "bot-album");

        int front = api.photo(chat, "ru", "album-front", "uq-album-front", 250_297, "13579");
        // The second part comes in a later getUpdates, after the first part's update was confirmed.
        await().atMost(READ).until(() -> api.confirmedBelow.get() > front);
        api.photo(chat, "ru", "album-back", "uq-album-back", 191_649, "13579");

        awaitReply(chat, t -> t.contains("отправленных вместе: 2"));
        String reply = awaitReply(chat, t -> t.contains("Участок"));
        assertThat(reply).contains("Участок 898").doesNotContain("Сторона 2 не получена");
        // One paragraph: the joined protocol, told once although both files of the upload list it.
        assertThat(reply).doesNotContain("\n\n");
        assertThat(jdbc.queryForObject("select count(*) from upload_batch where user_id = ?", Integer.class, user)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(distinct batch_id) from messenger_file where chat_id = ?", Integer.class,
                Long.toString(chat))).isEqualTo(1);
        assertThat(api.to(chat).stream().filter(t -> t.contains("Участок"))).hasSize(1);
    }

    @Test
    void anAlbumPartKeptBeforeTheBotWasKilledBecomesItsUploadWhenTheBotRunsAgain() throws IOException {
        long chat = 7012;
        long user = linkedInRussian(chat, "ru", "bot-album-killed");
        // What a bot killed after keeping an album's part (its update confirmed) and before queueing the album leaves.
        java.nio.file.Path kept = DATA_DIR.resolve("bot-albums/telegram/7012/24680/uq-kept-part");
        java.nio.file.Files.createDirectories(kept);
        java.nio.file.Files.write(kept.resolve("uq-kept-part-photo.jpg"), fixture("two-sided-kk-front.jpg"));
        jdbc.update("""
                insert into messenger_file (messenger, chat_id, file_unique_id, media_group, received_at)
                values ('telegram', ?, 'uq-kept-part', '24680', now() - interval '1 minute')""", Long.toString(chat));

        awaitReply(chat, t -> t.contains("отправленных вместе: 1"));
        assertThat(awaitReply(chat, t -> t.contains("Участок"))).contains("Участок 898");
        assertThat(jdbc.queryForObject("select count(*) from upload_batch where user_id = ?", Integer.class, user)).isEqualTo(1);
        assertThat(kept.getParent()).doesNotExist();
    }

    @Test
    void theChatIsToldOnceWhenAReviewerSignsOffItsProtocol() throws IOException {
        long chat = 7010;
        frontSentByANewObserver(chat, "ru", "signed");
        assertThat(api.to(chat)).noneMatch(t -> t.contains("проверен человеком и принят"));

        var protocol = jdbc.queryForMap("""
                select p.id, p.version from protocol p join source_file s on s.id = p.source_id
                  join upload_batch b on b.job_instance_id = s.job_instance_id
                  join messenger_file f on f.batch_id = b.id
                 where f.chat_id = ? and p.status <> 'REJECTED'""", Long.toString(chat));
        AppUser reviewer = user("bot-reviewer", Role.REVIEWER);
        review.signOff(((Number) protocol.get("id")).longValue(), ((Number) protocol.get("version")).intValue(),
                new kz.hattama.review.ReviewService.Reviewer(reviewer.id(), reviewer.login()), java.util.Map.of());

        awaitReply(chat, t -> t.equals("Протокол участка 898 проверен человеком и принят."));
        // Several rounds of the reply poller later, it was still told once.
        await().pollDelay(Duration.ofSeconds(4)).atMost(READ).until(() -> true);
        assertThat(api.to(chat)).filteredOn(t -> t.contains("проверен человеком и принят")).hasSize(1);
    }

    @Test
    void theReplySaysWhetherThePrecinctIsOnTheOfficialListAndWhetherOtherObserversFiguresAgree() {
        // Precincts no other test uses; 44101 is put on the official list, 44102 is not.
        boolean listed = jdbc.update("insert into precinct (number) values ('44101') on conflict do nothing") == 1;
        try {
            AppUser first = user("bot-first", Role.VOLUNTEER);
            AppUser same = user("bot-same", Role.VOLUNTEER);
            AppUser other = user("bot-other", Role.VOLUNTEER);
            storedProtocol(first.id(), "first.jpg", kz.hattama.store.Protocols.needsReview("44101"), null);
            long agreeing = storedProtocol(same.id(), "same.jpg", kz.hattama.store.Protocols.needsReview("44101"), null);
            long alone = storedProtocol(first.id(), "alone.jpg", kz.hattama.store.Protocols.needsReview("44102"), null);

            String sameText = replies.describe("ru", protocols.protocol(agreeing).orElseThrow(), same.id());
            assertThat(sameText).contains("Участок 44101 есть в официальном списке участков.",
                    "Участок 44101 уже прислал другой наблюдатель, и цифры совпадают.");

            // A third observer whose party_2 reads 501 where both others read 500: it differs from them.
            long differing = storedProtocol(other.id(), "other.jpg", withParty2(kz.hattama.store.Protocols.needsReview("44101"), 501), null);

            String otherText = replies.describe("kk", protocols.protocol(differing).orElseThrow(), other.id());
            assertThat(otherText).contains("44101 учаскесі учаскелердің ресми тізімінде бар.",
                    "44101 учаскесін басқа бақылаушы бұрын жіберген, сандар сәйкес келмейді")
                    // the other observers' party_2 (500) is never shown, only this one's own 501
                    .contains("501").doesNotContain("500");

            String aloneText = replies.describe("ru", protocols.protocol(alone).orElseThrow(), first.id());
            assertThat(aloneText).contains("⚠ Участка 44102 нет в официальном списке участков")
                    .doesNotContain("другой наблюдатель");
            // The observer's own earlier protocol of the precinct is not another observer's.
            long again = storedProtocol(first.id(), "again.jpg", kz.hattama.store.Protocols.needsReview("44102"), null);
            assertThat(replies.describe("ru", protocols.protocol(again).orElseThrow(), first.id())).doesNotContain("другой наблюдатель");
        } finally {
            if (listed) {
                jdbc.update("delete from precinct where number = '44101'");
            }
        }
    }

    private static kz.hattama.protocol.ProtocolResult withParty2(kz.hattama.protocol.ProtocolResult p, int value) {
        var fields = new java.util.LinkedHashMap<>(p.fields());
        var f = fields.get("party_2");
        fields.put("party_2", new kz.hattama.protocol.FieldResult(f.key(), value, value, value, Integer.toString(value),
                f.wordsText(), f.confidence(), f.status(), f.reasons(), f.box()));
        return new kz.hattama.protocol.ProtocolResult(p.form(), p.lang(), p.precinct(), p.address(), fields, kz.hattama.store.Protocols.checks(fields),
                p.flags(), p.status(), p.precinctStatus(), p.precinctConfidence(), p.precinctReasons(), p.signatureBox());
    }

    /**
     * A web upload of several protocols is queued, then an observer sends a photo: the photo's protocol is stored
     * before the web upload's last one (the web upload gives way and continues after it), and the web upload still
     * ends with each of its files read once.
     */
    @Test
    void aBotFileIsReadBeforeTheLastFileOfAWebUploadQueuedBeforeIt() throws IOException {
        long chat = 7013;
        api.file("ahead", fixture("two-sided-kk-front.jpg"));
        link(chat, "ru", "bot-ahead");
        awaitReply(chat, t -> t.contains("Вы подключены"));
        // An admin, whom no daily quota meters; five files, the most one upload of these tests may carry.
        AppUser volunteer = user("web-bulk", Role.ADMIN);
        List<kz.hattama.upload.UploadService.Incoming> bulk = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = List.of("photo-typed-ru-shadow.jpg", "photo-handwritten-ru.jpg", "photo-typed-kk-cut.jpg",
                    "photo-handwritten-kk-rotated.jpg").get(i % 4);
            byte[] bytes = unique("/fixtures/" + name);
            String saved = "bulk-" + i + "-" + name;
            bulk.add(new kz.hattama.upload.UploadService.Incoming() {
                public String name() {
                    return saved;
                }

                public void saveTo(java.nio.file.Path target) throws IOException {
                    java.nio.file.Files.write(target, bytes);
                }
            });
        }
        long web = uploadService.receive(volunteer.id(), kz.hattama.store.UploadStore.Origin.WEB, bulk).id();
        api.photo(chat, "ru", "ahead", "uq-ahead", 250_297);

        assertThat(awaitReply(chat, t -> t.contains("Участок"))).contains("Участок 898");
        await().atMost(Duration.ofMinutes(5)).until(() -> "DONE".equals(
                jdbc.queryForObject("select state from upload_batch where id = ?", String.class, web)));
        long botProtocol = jdbc.queryForObject("""
                select max(p.id) from protocol p join source_file s on s.id = p.source_id
                  join upload_batch b on b.job_instance_id = s.job_instance_id
                  join messenger_file f on f.batch_id = b.id where f.chat_id = ?""", Long.class, Long.toString(chat));
        String ofWeb = """
                from protocol p join source_file s on s.id = p.source_id
                  join upload_batch b on b.job_instance_id = s.job_instance_id where b.id = ?""";
        assertThat(botProtocol).isLessThan(jdbc.queryForObject("select max(p.id) " + ofWeb, Long.class, web));
        // Nothing lost or doubled: one job instance read each of the five files once, and each became its protocol.
        assertThat(jdbc.queryForObject("""
                select count(*) from source_file s join upload_batch b on b.job_instance_id = s.job_instance_id
                 where b.id = ?""", Integer.class, web)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(distinct s.id) " + ofWeb, Integer.class, web)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) " + ofWeb, Integer.class, web)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select attempts from upload_batch where id = ?", Integer.class, web)).isEqualTo(1);
    }

    /** The application's database as the bot sees it, which the test can take away and give back. */
    static final class Switchable extends org.springframework.jdbc.datasource.DelegatingDataSource {
        volatile boolean away;

        Switchable(javax.sql.DataSource real) {
            super(real);
        }

        @Override
        public java.sql.Connection getConnection() throws java.sql.SQLException {
            if (away) {
                // What the driver says when the server cannot be reached.
                throw new java.sql.SQLTransientConnectionException("the database is away (test)", "08001");
            }
            return super.getConnection();
        }
    }

    /**
     * The bot's database goes away (the upload queue's stays): a linked chat's photo is kept and the chat told
     * "received, it will be read"; the update is confirmed; a chat that is not linked is refused with nothing
     * downloaded. When the database is back the photo is queued and its reply follows, the file stored once.
     */
    @Test
    void whileTheDatabaseIsAwayALinkedChatsPhotoIsKeptAndItsReplyFollowsWhenTheDatabaseIsBack() throws Exception {
        Switchable db = new Switchable(dataSource);
        var flakyJdbc = new org.springframework.jdbc.core.JdbcTemplate(db);
        BotStore flakyStore = new BotStore(flakyJdbc);
        var flakyUploads = new kz.hattama.store.UploadStore(flakyJdbc,
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(db));
        var flakyService = new kz.hattama.upload.UploadService(flakyUploads, userStore, events, storeProperties, webProperties);
        BotProperties props = new BotProperties(TelegramStandIn.TOKEN, api.url(), "hattama_test_bot", 20, 20);
        BotConversation flaky = new BotConversation(flakyStore, flakyService, flakyUploads, texts, props, storeProperties);
        // Nothing was sent yet: the bot of @BeforeEach gives its place to one on the database that goes away.
        bot.close();
        bot = new TelegramBot(props, flaky, replies, 1);

        long chat = 7014;
        long stranger = 7015;
        api.file("away", fixture("two-sided-kk-front.jpg"));
        api.file("away-stranger", new byte[]{1, 2, 3});
        link(chat, "kk", "bot-away");
        awaitReply(chat, t -> t.contains("қосылдыңыз"));
        flaky.refreshLinks(bot.messenger());

        db.away = true;
        int photo = api.photo(chat, "kk", "away", "uq-away", 250_297);
        int strangers = api.photo(stranger, "ru", "away-stranger", "uq-away-stranger", 3);
        assertThat(awaitReply(chat, t -> t.startsWith("Қабылданды және сақталды"))).contains("Дерекқор қазір қолжетімсіз");
        await().atMost(READ).until(() -> api.confirmedBelow.get() > Math.max(photo, strangers));
        awaitReply(stranger, t -> t.contains("только от приглашённых"));
        assertThat(api.fileRequests).contains("away").doesNotContain("away-stranger");
        assertThat(jdbc.queryForObject("select count(*) from messenger_file where chat_id in (?, ?)", Integer.class,
                Long.toString(chat), Long.toString(stranger))).isZero();
        // Away for a while: nothing more is told, nothing stored.
        await().pollDelay(Duration.ofSeconds(3)).atMost(READ).until(() -> true);
        assertThat(api.to(chat).stream().filter(t -> t.contains("Учаске"))).isEmpty();

        db.away = false;
        assertThat(awaitReply(chat, t -> t.contains("Учаске"))).contains("2-бет алынбады");
        assertThat(jdbc.queryForObject("""
                select count(*) from messenger_file where chat_id = ? and file_unique_id = 'uq-away' and batch_id is not null""",
                Integer.class, Long.toString(chat))).isEqualTo(1);
        assertThat(DATA_DIR.resolve("bot-spool/telegram/7014")).isEmptyDirectory();
        assertThat(api.downloads).hasSize(1);
    }

    private static byte[] unique(String resource) throws IOException {
        try (InputStream in = TelegramBotTest.class.getResourceAsStream(resource)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.write(in.readAllBytes());
            out.write(java.util.UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return out.toByteArray();
        }
    }

    @Test
    void aChatThatIsNotLinkedGetsOneShortReplyAndNothingIsDownloadedOrStored() {
        long stranger = 7003;
        api.file("stranger-photo", new byte[]{1, 2, 3});
        api.photo(stranger, "ru", "stranger-photo", "uq-stranger", 3);
        api.photo(stranger, "ru", "stranger-photo-2", "uq-stranger-2", 3);
        api.text(stranger, "ru", "/start not-a-code");
        int last = api.text(stranger, "ru", "hello");
        await().atMost(READ).until(() -> api.confirmedBelow.get() > last);

        assertThat(api.to(stranger)).containsExactly(
                "Этот бот принимает протоколы только от приглашённых наблюдателей. Попросите ссылку-приглашение у координатора.",
                "Код приглашения неизвестен или уже использован. Попросите у координатора новую ссылку.");
        assertThat(api.fileRequests).isEmpty();
        assertThat(api.downloads).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from messenger_file where chat_id = ?", Integer.class,
                Long.toString(stranger))).isZero();
    }

    @Test
    void anInvitationLinksOnceOnlyAndAnUnlinkedObserverIsRefused() {
        long first = 7004;
        long second = 7005;
        AppUser observer = user("bot-once", Role.VOLUNTEER);
        String code = botStore.invite(observer.id());
        api.text(first, "ru", "/start " + code);
        awaitReply(first, t -> t.contains("Вы подключены"));
        api.text(second, "ru", "/start " + code);
        awaitReply(second, t -> t.contains("уже использован"));

        botStore.unlink(observer.id());
        api.file("after-unlink", new byte[]{1});
        api.photo(first, "ru", "after-unlink", "uq-after-unlink", 1);
        awaitReply(first, t -> t.contains("только от приглашённых"));
        assertThat(api.fileRequests).doesNotContain("after-unlink");
    }

    @Test
    void aFileOverTheLimitIsNotDownloaded() {
        long chat = 7006;
        linkedInRussian(chat, "ru", "bot-big");
        api.document(chat, "ru", "huge", "uq-huge", "scan.pdf", "application/pdf", 30L * 1024 * 1024);
        awaitReply(chat, t -> t.contains("слишком большой"));
        assertThat(api.fileRequests).doesNotContain("huge");
    }

    @Test
    void aFloodFromUnknownChatsNeitherStoresNorDelaysAnInvitedObserver() throws IOException {
        long observer = 7007;
        api.file("front-flood", fixture("two-sided-kk-front.jpg"));
        link(observer, "ru", "bot-flood");
        awaitReply(observer, t -> t.contains("Вы подключены"));
        int last = 0;
        for (int i = 0; i < 1000; i++) {
            long chat = 900_000 + i % 200;
            last = i % 2 == 0 ? api.photo(chat, "ru", "flood-" + i, "uq-flood-" + i, 50_000)
                    : api.text(chat, "ru", "/start guess-" + i);
            if (i == 500) {
                api.photo(observer, "ru", "front-flood", "uq-front-flood", 250_297);
            }
        }
        int lastFlood = last;
        assertThat(awaitReply(observer, t -> t.contains("Участок"))).contains("Сторона 2 не получена");
        await().atMost(READ).until(() -> api.confirmedBelow.get() > lastFlood);

        assertThat(api.fileRequests).noneMatch(id -> id.startsWith("flood-"));
        assertThat(jdbc.queryForObject("select count(*) from messenger_file where chat_id like '9000%'", Integer.class)).isZero();
        for (long chat = 900_000; chat < 900_200; chat++) {
            // Each unknown chat is told once that it is not invited, or that its code is wrong, however often it asks.
            assertThat(api.to(chat)).hasSize(1).first().asString()
                    .contains(chat % 2 == 0 ? "только от приглашённых" : "уже использован");
        }
    }

    @Test
    void aFileClaimedByABotKilledBeforeStoringItIsStoredWhenItsUpdateComesAgain() throws IOException {
        long chat = 7008;
        api.file("killed", fixture("two-sided-kk-front.jpg"));
        linkedInRussian(chat, "ru", "bot-killed");
        // What a bot killed between download and store leaves: the claim, without an upload.
        jdbc.update("insert into messenger_file (messenger, chat_id, file_unique_id) values ('telegram', ?, 'uq-killed')",
                Long.toString(chat));

        api.photo(chat, "ru", "killed", "uq-killed", 250_297);
        awaitReply(chat, t -> t.startsWith("Получено"));
        assertThat(jdbc.queryForObject("select batch_id from messenger_file where chat_id = ? and file_unique_id = 'uq-killed'",
                Long.class, Long.toString(chat))).isNotNull();
        assertThat(api.to(chat)).noneMatch(t -> t.startsWith("Уже получено"));
    }

    @Test
    void theLargestPhotoSizeIsTakenAndOnlyImagesPdfsAndZipsAsFiles() {
        var m = new org.telegram.telegrambots.meta.api.objects.message.Message();
        m.setChat(new org.telegram.telegrambots.meta.api.objects.chat.Chat(42L, "private"));
        m.setPhoto(List.of(
                new org.telegram.telegrambots.meta.api.objects.photo.PhotoSize("small", "u-small", 90, 67, 1200, null),
                new org.telegram.telegrambots.meta.api.objects.photo.PhotoSize("big", "u-big", 1280, 960, 180_000, null)));
        assertThat(TelegramBot.incoming(m).files()).singleElement()
                .satisfies(a -> assertThat(a.fileId()).isEqualTo("big"));

        var doc = new org.telegram.telegrambots.meta.api.objects.message.Message();
        doc.setChat(new org.telegram.telegrambots.meta.api.objects.chat.Chat(42L, "private"));
        doc.setDocument(org.telegram.telegrambots.meta.api.objects.Document.builder().fileId("exe").fileUniqueId("u-exe")
                .fileName("setup.exe").mimeType("application/x-msdownload").fileSize(10L).build());
        assertThat(TelegramBot.incoming(doc).files()).isEmpty();
        doc.setDocument(org.telegram.telegrambots.meta.api.objects.Document.builder().fileId("pdf").fileUniqueId("u-pdf")
                .fileName("scan.pdf").mimeType("application/pdf").fileSize(10L).build());
        assertThat(TelegramBot.incoming(doc).files()).extracting(a -> a.name()).containsExactly("scan.pdf");
    }

    /** The conversation as the stand-in recorded it, for the closing note. */
    private void print(String language, long chat) {
        List<String> messages = api.to(chat);
        System.out.println("=== Telegram conversation (" + language + "), bot's side as recorded by the stand-in ===");
        messages.forEach(m -> System.out.println("BOT: " + m.replace("\n", "\n     ")));
    }
}
