package kz.hattama.official;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The imported official results (table {@code official_result}, Flyway V13). */
@Repository
public class OfficialStore implements OfficialResults {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Integer>> FIGURES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public OfficialStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
    }

    /**
     * Replaces every official line in one transaction: the commission publishes its results whole (a corrected table
     * replaces the earlier one), and a reader never sees half of an import.
     */
    public void replaceAll(List<OfficialLine> lines) {
        tx.executeWithoutResult(status -> {
            jdbc.update("delete from official_result");
            jdbc.batchUpdate("insert into official_result (precinct, figures, source_line) values (?, ?::jsonb, ?)",
                    lines.stream().map(l -> new Object[]{l.precinct(), json(l.figures()), l.line()}).toList());
        });
    }

    @Override
    public Map<String, OfficialLine> all() {
        Map<String, OfficialLine> byPrecinct = new LinkedHashMap<>();
        jdbc.query("select precinct, figures::text, source_line from official_result order by length(precinct), precinct",
                rs -> {
                    OfficialLine l = new OfficialLine(rs.getString(1), figures(rs.getString(2)), rs.getInt(3));
                    byPrecinct.put(l.precinct(), l);
                });
        return byPrecinct;
    }

    private static String json(Map<String, Integer> figures) {
        try {
            return JSON.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Integer> figures(String json) {
        try {
            return JSON.readValue(json, FIGURES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("official_result.figures is not a JSON object of figures: " + json, e);
        }
    }
}
