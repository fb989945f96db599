package kz.hattama.store;

import kz.hattama.protocol.Box;
import kz.hattama.protocol.CheckResult;
import kz.hattama.protocol.FieldResult;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.Flag;
import kz.hattama.protocol.PageTurn;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.protocol.Rejection;
import kz.hattama.protocol.RejectionCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a stored protocol is read back, for every reader of protocols: its row, then the fields, checks and flags of a
 * whole page of protocols with one query each.
 */
final class ProtocolRows {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    ProtocolRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Reads that span several queries see one state of the database, even while a job is writing. */
    static TransactionTemplate snapshot(PlatformTransactionManager transactionManager) {
        TransactionTemplate snapshot = new TransactionTemplate(transactionManager);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        return snapshot;
    }

    /** The protocols the {@code where} clause (and its order) selects, filled in. */
    List<StoredProtocol> where(String condition, Object... args) {
        return readPage(jdbc.query(SELECT + condition, this::protocolRow, args));
    }

    /** The same with named parameters. */
    List<StoredProtocol> where(String condition, SqlParameterSource params) {
        return readPage(named.query(SELECT + condition, params, this::protocolRow));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper BOXES = new com.fasterxml.jackson.databind.ObjectMapper();

    static final String SELECT = """
            select p.id, p.uid, p.source_id, p.page_no, p.form, p.lang, p.precinct, p.address, p.status,
                   p.rejection_code, p.rejection_message, p.version, p.page_turn, s.name, s.sha256,
                   p.precinct_status, p.precinct_confidence, p.precinct_reason, p.signature_box::text as signature_box
              from protocol p join source_file s on s.id = p.source_id
            """;

    StoredProtocol protocolRow(ResultSet rs, int row) throws SQLException {
        String code = rs.getString("rejection_code");
        String precinctStatus = rs.getString("precinct_status");
        return new StoredProtocol(rs.getLong("id"), rs.getString("uid"), rs.getLong("source_id"), rs.getInt("page_no"),
                rs.getString("form"), rs.getString("lang"), rs.getString("precinct"), rs.getString("address"),
                rs.getString("name"), rs.getString("sha256"), ProtocolStatus.valueOf(rs.getString("status")),
                code == null ? null : new Rejection(RejectionCode.valueOf(code), rs.getString("rejection_message")),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), rs.getInt("version"),
                PageTurn.valueOf(rs.getString("page_turn")),
                precinctStatus == null ? null : FieldStatus.valueOf(precinctStatus),
                (Double) rs.getObject("precinct_confidence"), ReasonsColumn.read(rs.getString("precinct_reason")),
                new ArrayList<>(), new java.util.HashMap<>(), signatureBox(rs.getString("signature_box")));
    }

    private static StoredProtocol.SignatureBox signatureBox(String json) {
        if (json == null) {
            return null;
        }
        try {
            return BOXES.readValue(json, StoredProtocol.SignatureBox.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable signature box " + json, e);
        }
    }

    /** Fills in fields, checks, flags and reviews with one query each for the whole page. */
    List<StoredProtocol> readPage(List<StoredProtocol> protocols) {
        if (protocols.isEmpty()) {
            return protocols;
        }
        Map<Long, StoredProtocol> byId = protocols.stream()
                .collect(Collectors.toMap(StoredProtocol::id, p -> p, (a, b) -> a, LinkedHashMap::new));
        Map<String, Collection<Long>> ids = Map.of("ids", byId.keySet());
        named.query("select * from protocol_field where protocol_id in (:ids) order by protocol_id, ordinal", ids, rs -> {
            Integer boxX = (Integer) rs.getObject("box_x");
            Box box = boxX == null ? null
                    : new Box(boxX, rs.getInt("box_y"), rs.getInt("box_w"), rs.getInt("box_h"));
            byId.get(rs.getLong("protocol_id")).fields().add(new FieldResult(rs.getString("key"),
                    (Integer) rs.getObject("value"), (Integer) rs.getObject("digits"), (Integer) rs.getObject("words"),
                    rs.getString("digits_text"), rs.getString("words_text"), rs.getDouble("confidence"),
                    FieldStatus.valueOf(rs.getString("status")), ReasonsColumn.read(rs.getString("reason")), box));
        });
        named.query("select protocol_id, key, page from protocol_field where protocol_id in (:ids) and page <> 0", ids, rs -> {
            byId.get(rs.getLong("protocol_id")).fieldPages().put(rs.getString("key"), rs.getInt("page"));
        });
        named.query("""
                select pp.protocol_id, pp.source_id, pp.page_no, s.name, s.sha256
                  from protocol_page pp join source_file s on s.id = pp.source_id
                 where pp.protocol_id in (:ids) order by pp.protocol_id, pp.ordinal""", ids, rs -> {
            byId.get(rs.getLong("protocol_id")).morePages().add(new StoredProtocol.Page(rs.getLong("source_id"),
                    rs.getInt("page_no"), rs.getString("name"), rs.getString("sha256")));
        });
        named.query("select * from protocol_check where protocol_id in (:ids) order by protocol_id, ordinal", ids, rs -> {
            byId.get(rs.getLong("protocol_id")).checks().add(new CheckResult(rs.getString("check_id"),
                    rs.getBoolean("passed"), rs.getString("detail"), rs.getString("field")));
        });
        named.query("select * from protocol_flag where protocol_id in (:ids) order by protocol_id, ordinal", ids, rs -> {
            byId.get(rs.getLong("protocol_id")).flags().add(new Flag(rs.getString("flag_id"), rs.getString("detail")));
        });
        return protocols;
    }
}
