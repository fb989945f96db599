package kz.hattama.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The uploaded files as they were kept: their bytes, media type and name, and the normalized page of each protocol. */
@Repository
public class ScanStore {

    private final JdbcTemplate jdbc;

    public ScanStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public byte[] scan(String sha256) {
        List<byte[]> bytes = jdbc.queryForList("select bytes from scan_blob where sha256 = ?", byte[].class, sha256);
        if (bytes.isEmpty()) {
            throw new NoSuchElementException("no scan with sha256 " + sha256);
        }
        return bytes.get(0);
    }

    /** The normalized page a protocol was read from, as JPEG; empty for rejections and pages stored without one. */
    public Optional<byte[]> pageImage(long protocolId) {
        return jdbc.queryForList("select jpeg from page_image where protocol_id = ?", byte[].class, protocolId)
                .stream().findFirst();
    }

    /**
     * Page {@code page} of those a protocol was read from: 0 its own, k the k-th after it (the other side of a
     * two-sided protocol, whose picture is kept with the side's readings).
     */
    public Optional<byte[]> pageImage(long protocolId, int page) {
        if (page == 0) {
            return pageImage(protocolId);
        }
        return jdbc.queryForList("""
                select sp.jpeg from protocol_page pp
                  join side_page sp on sp.source_id = pp.source_id and sp.page_no = pp.page_no
                 where pp.protocol_id = ? and pp.ordinal = ? and sp.jpeg is not null""", byte[].class, protocolId, page)
                .stream().findFirst();
    }

    public boolean hasPageImage(long protocolId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from page_image where protocol_id = ?)", Boolean.class, protocolId));
    }

    /** A stored file as it was uploaded; {@code sha256} is null when its content was not kept (see V6). */
    public record Source(long id, String name, String sha256, String mediaType, Long duplicateOf, Instant createdAt) {
    }

    public Optional<Source> source(long sourceId) {
        return jdbc.query("select id, name, sha256, media_type, duplicate_of, created_at from source_file where id = ?",
                (rs, i) -> new Source(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5), rs.getTimestamp(6).toInstant()), sourceId).stream().findFirst();
    }

    /** The media type the intake detected for a source, which tells how to decode its scan again. */
    public String mediaType(long sourceId) {
        return jdbc.queryForObject("select media_type from source_file where id = ?", String.class, sourceId);
    }
}
