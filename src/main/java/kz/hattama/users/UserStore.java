package kz.hattama.users;

import kz.hattama.protocol.Hashes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** People and their API tokens. Passwords are kept as BCrypt hashes, tokens as SHA-256 hashes. */
@Repository
public class UserStore {

    private static final Pattern LOGIN = Pattern.compile("[\\p{L}\\p{N}._@-]{2,64}");
    public static final int MIN_PASSWORD = 8;
    /** Makes a token recognisable in a config file or a leaked log. */
    private static final String TOKEN_PREFIX = "htm_";

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final SecureRandom random = new SecureRandom();

    public UserStore(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    public record ApiToken(long id, String label, Instant createdAt, Instant lastUsedAt) {
    }

    /** A token just made: {@code secret} is shown this once and never stored. */
    public record NewToken(ApiToken token, String secret) {
    }

    private static final RowMapper<AppUser> USER = (rs, i) -> new AppUser(rs.getLong("id"), rs.getString("login"),
            rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getString("locale"),
            rs.getBoolean("enabled"), rs.getInt("credentials_version"));

    /**
     * @throws IllegalArgumentException when the login is taken or malformed, or the password too short
     */
    public AppUser add(String login, String password, Role role) {
        if (login == null || !LOGIN.matcher(login).matches()) {
            throw new IllegalArgumentException("A login is 2 to 64 letters, digits or . _ @ -");
        }
        requireStrong(password);
        try {
            long id = jdbc.queryForObject("insert into app_user (login, password_hash, role) values (?, ?, ?) returning id",
                    Long.class, login, passwords.encode(password), role.name());
            return byId(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("The login " + login + " is taken", e);
        }
    }

    private static void requireStrong(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("A password has at least " + MIN_PASSWORD + " characters");
        }
    }

    /*
     * The changes below raise credentials_version, which ends the user's sessions at their next request (in this
     * server and any other on the database): someone who lost the password, the role or the account must not keep
     * using a session opened before. Setting what is already set changes nothing, so the admin page, which saves
     * every field at once, ends no session it need not.
     */

    public void setPassword(long userId, String password) {
        requireStrong(password);
        jdbc.update("update app_user set password_hash = ?, credentials_version = credentials_version + 1 where id = ?",
                passwords.encode(password), userId);
    }

    public void setRole(long userId, Role role) {
        jdbc.update("""
                update app_user set role = ?, credentials_version = credentials_version + 1
                 where id = ? and role <> ?""", role.name(), userId, role.name());
    }

    public void setEnabled(long userId, boolean enabled) {
        jdbc.update("""
                update app_user set enabled = ?, credentials_version = credentials_version + 1
                 where id = ? and enabled <> ?""", enabled, userId, enabled);
    }

    /**
     * Whether a session opened as {@code credentialsVersion} of this user still stands: the account is enabled and
     * nothing that ends sessions has changed since. One lookup by primary key, made on every signed-in request.
     */
    public boolean sessionStands(long userId, int credentialsVersion) {
        return Boolean.TRUE.equals(jdbc.query("select enabled and credentials_version = ? from app_user where id = ?",
                rs -> rs.next() && rs.getBoolean(1), credentialsVersion, userId));
    }

    public void setLocale(long userId, String locale) {
        jdbc.update("update app_user set locale = ? where id = ?", locale, userId);
    }

    public Optional<AppUser> byLogin(String login) {
        return jdbc.query("select * from app_user where login = ?", USER, login).stream().findFirst();
    }

    public Optional<AppUser> byId(long id) {
        return jdbc.query("select * from app_user where id = ?", USER, id).stream().findFirst();
    }

    public List<AppUser> all() {
        return jdbc.query("select * from app_user order by login", USER);
    }

    public boolean anyAdmin() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from app_user where role = 'ADMIN' and enabled)", Boolean.class));
    }

    public NewToken newToken(long userId, String label) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String name = label == null || label.isBlank() ? "API" : label.strip();
        long id = jdbc.queryForObject("insert into api_token (user_id, label, token_sha256) values (?, ?, ?) returning id",
                Long.class, userId, name, hash(secret));
        return new NewToken(tokens(userId).stream().filter(t -> t.id() == id).findFirst().orElseThrow(), secret);
    }

    public List<ApiToken> tokens(long userId) {
        return jdbc.query("""
                select id, label, created_at, last_used_at from api_token
                 where user_id = ? and revoked_at is null order by id""",
                (rs, i) -> new ApiToken(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()), userId);
    }

    /** @return whether the user had such a live token */
    public boolean revokeToken(long userId, long tokenId) {
        return jdbc.update("update api_token set revoked_at = now() where id = ? and user_id = ? and revoked_at is null",
                tokenId, userId) == 1;
    }

    /** The enabled user a live token belongs to; marks the token used. */
    public Optional<AppUser> byToken(String secret) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        return jdbc.query("""
                update api_token t set last_used_at = now() from app_user u
                 where t.token_sha256 = ? and t.revoked_at is null and u.id = t.user_id and u.enabled
                returning u.*""", USER, hash(secret)).stream().findFirst();
    }

    private static String hash(String secret) {
        return Hashes.sha256(secret.getBytes(StandardCharsets.UTF_8));
    }
}
