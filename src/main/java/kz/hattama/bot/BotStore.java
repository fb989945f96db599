package kz.hattama.bot;

import kz.hattama.protocol.Hashes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Invitations, linked chats and the files chats sent. Codes are kept as SHA-256 hashes, as API tokens are. */
@Repository
public class BotStore {

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    public BotStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A chat linked to a volunteer, in the language the replies take. */
    public record Link(long userId, String language) {
    }

    /** A file whose upload has been read and whose chat has not been told yet. */
    public record Pending(String messenger, String chatId, long batchId) {
    }

    /** A new one-time code for {@code userId}, shown once; only its hash is stored. */
    public String invite(long userId) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        // Telegram's start parameter takes A-Z, a-z, 0-9, _ and - only: URL-safe Base64 without padding is that.
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("insert into bot_invite (code_sha256, user_id) values (?, ?)", hash(code), userId);
        return code;
    }

    /**
     * Uses the code, once, to link the chat to its volunteer (a chat linked before is linked anew).
     *
     * @return the volunteer's id; empty for an unknown or used code
     */
    public Optional<Long> redeem(String messenger, String chatId, String code, String language) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        Optional<Long> user = jdbc.queryForList("""
                update bot_invite i set used_at = now() from app_user u
                 where i.code_sha256 = ? and i.used_at is null and u.id = i.user_id and u.enabled
                returning i.user_id""", Long.class, hash(code.strip())).stream().findFirst();
        user.ifPresent(id -> jdbc.update("""
                insert into messenger_link (messenger, chat_id, user_id, language) values (?, ?, ?, ?)
                on conflict (messenger, chat_id) do update set user_id = excluded.user_id, linked_at = now(),
                    unlinked_at = null""", messenger, chatId, id, language));
        return user;
    }

    /** The chat's volunteer, if the chat is linked, not unlinked, and the account enabled. */
    public Optional<Link> link(String messenger, String chatId) {
        return jdbc.query("""
                select l.user_id, l.language from messenger_link l join app_user u on u.id = l.user_id
                 where l.messenger = ? and l.chat_id = ? and l.unlinked_at is null and u.enabled""",
                (rs, i) -> new Link(rs.getLong(1), rs.getString(2)), messenger, chatId).stream().findFirst();
    }

    /** Every linked chat of the messenger, as {@link #link} would find it, by chat id. */
    public java.util.Map<String, Link> links(String messenger) {
        java.util.Map<String, Link> out = new java.util.HashMap<>();
        jdbc.query("""
                select l.chat_id, l.user_id, l.language from messenger_link l join app_user u on u.id = l.user_id
                 where l.messenger = ? and l.unlinked_at is null and u.enabled""",
                rs -> {
                    out.put(rs.getString(1), new Link(rs.getLong(2), rs.getString(3)));
                }, messenger);
        return out;
    }

    /** Stops the user's chats at once. @return how many were linked */
    public int unlink(long userId) {
        return jdbc.update("update messenger_link set unlinked_at = now() where user_id = ? and unlinked_at is null", userId);
    }

    public void setLanguage(String messenger, String chatId, String language) {
        jdbc.update("update messenger_link set language = ? where messenger = ? and chat_id = ?", language, messenger, chatId);
    }

    /**
     * Claims a file for the chat before it is downloaded. A claim that never became an upload (the bot was killed
     * between download and store) is claimed again, so that the update handed again is stored, not "already received".
     * One polling thread handles a messenger's updates, so no two claims of one file race.
     *
     * @return false when the chat sent this file before and it was stored (it is stored once)
     */
    public boolean claim(String messenger, String chatId, String uniqueId) {
        return claim(messenger, chatId, uniqueId, null);
    }

    /** The same for a part of album {@code album} (null: a file sent alone), kept apart until the album is complete. */
    public boolean claim(String messenger, String chatId, String uniqueId, String album) {
        try {
            return jdbc.update("""
                    insert into messenger_file (messenger, chat_id, file_unique_id, media_group) values (?, ?, ?, ?)
                    on conflict (messenger, chat_id, file_unique_id) do update set received_at = now(),
                        media_group = excluded.media_group
                     where messenger_file.batch_id is null""", messenger, chatId, uniqueId, album) == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Gives a claim back when the file could not be stored, so that sending it again is not "already received". */
    public void release(String messenger, String chatId, String uniqueId) {
        jdbc.update("delete from messenger_file where messenger = ? and chat_id = ? and file_unique_id = ? and batch_id is null",
                messenger, chatId, uniqueId);
    }

    public void stored(String messenger, String chatId, List<String> uniqueIds, long batchId) {
        for (String id : uniqueIds) {
            jdbc.update("update messenger_file set batch_id = ? where messenger = ? and chat_id = ? and file_unique_id = ?",
                    batchId, messenger, chatId, id);
        }
    }

    /** An album whose parts are kept and not yet an upload: the files' unique ids, in the order they came. */
    public record Album(String chatId, String album, List<String> uniqueIds) {
    }

    /** The messenger's albums no part of which came in the last {@code quietMillis}: complete, as far as can be told. */
    public List<Album> quietAlbums(String messenger, long quietMillis) {
        return jdbc.query("""
                select chat_id, media_group, array_agg(file_unique_id order by received_at, file_unique_id)
                  from messenger_file
                 where messenger = ? and batch_id is null and media_group is not null
                 group by chat_id, media_group
                having max(received_at) < now() - make_interval(secs => ?)""",
                (rs, i) -> new Album(rs.getString(1), rs.getString(2),
                        List.of((String[]) rs.getArray(3).getArray())), messenger, quietMillis / 1000.0);
    }

    /** A reviewer's sign-off of a protocol a chat sent, not yet told to the chat. */
    public record ReviewNotice(long signoffId, String messenger, String chatId, String precinct) {
    }

    /**
     * Sign-offs of protocols that came in through a messenger and whose chats were not told. A protocol is told
     * once: its latest sign-off when the bot looks, and not again when a reviewer corrects it later.
     */
    public List<ReviewNotice> untoldSignOffs() {
        return jdbc.query("""
                select distinct s.id, f.messenger, f.chat_id, p.precinct
                  from review_signoff s
                  join protocol p on p.id = s.protocol_id
                  join source_file src on src.id = p.source_id
                  join upload_batch b on b.job_instance_id = src.job_instance_id and b.origin = 'BOT'
                  join messenger_file f on f.batch_id = b.id
                 where s.id = (select max(s2.id) from review_signoff s2 where s2.protocol_id = s.protocol_id)
                   and not exists (select 1 from messenger_review_notice n
                                    join review_signoff t on t.id = n.signoff_id
                                   where t.protocol_id = s.protocol_id)
                 order by s.id""",
                (rs, i) -> new ReviewNotice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    /** Records that the sign-off is told; false when it was already (so it is told once). */
    public boolean told(ReviewNotice notice) {
        return jdbc.update("""
                insert into messenger_review_notice (signoff_id, messenger, chat_id) values (?, ?, ?)
                on conflict do nothing""", notice.signoffId(), notice.messenger(), notice.chatId()) == 1;
    }

    /** Whether the precinct is on the imported official list; empty when no list is imported (nothing to tell then). */
    public Optional<Boolean> onOfficialList(String precinct) {
        String number = kz.hattama.precinct.Precinct.normalize(precinct);
        if (number == null || !Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from precinct)", Boolean.class))) {
            return Optional.empty();
        }
        return Optional.of(Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from precinct where number = ?)", Boolean.class, number)));
    }

    /** Protocols of the precinct read from what other users uploaded (through any door), rejections left out. */
    public List<Long> othersOfPrecinct(String precinct, long protocolId, long userId) {
        return jdbc.queryForList("""
                select distinct p.id from protocol p
                  join source_file s on s.id = p.source_id
                  join upload_batch b on b.job_instance_id = s.job_instance_id
                 where p.precinct = ? and p.id <> ? and p.status <> 'REJECTED'
                   and b.user_id is not null and b.user_id <> ?""", Long.class, precinct, protocolId, userId);
    }

    /** Uploads read to the end (or given up) whose chats wait for the reply. */
    public List<Pending> readAndUnreplied() {
        return jdbc.query("""
                select distinct f.messenger, f.chat_id, f.batch_id from messenger_file f
                  join upload_batch b on b.id = f.batch_id
                 where f.replied_at is null and b.state in ('DONE', 'FAILED') order by f.batch_id""",
                (rs, i) -> new Pending(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }

    public void replied(long batchId) {
        jdbc.update("update messenger_file set replied_at = now() where batch_id = ? and replied_at is null", batchId);
    }

    private static String hash(String code) {
        return Hashes.sha256(code.getBytes(StandardCharsets.UTF_8));
    }
}
