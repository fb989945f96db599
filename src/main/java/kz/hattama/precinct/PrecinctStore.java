package kz.hattama.precinct;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The imported precinct list (table {@code precinct}, Flyway V4). */
@Repository
public class PrecinctStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public PrecinctStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
    }

    /**
     * Replaces the whole list in one transaction: an official list is published whole, and a precinct dropped from
     * it must stop being found, while readers never see half of the new one.
     */
    public void replaceAll(List<Precinct> precincts) {
        tx.executeWithoutResult(status -> {
            jdbc.update("delete from precinct");
            jdbc.batchUpdate("insert into precinct (number, region, district, city, address) values (?, ?, ?, ?, ?)",
                    precincts.stream().map(p -> new Object[]{p.number(), p.region(), p.district(), p.city(), p.address()})
                            .toList());
        });
    }

    /** By number, in number order (numerically where the numbers are digits). */
    public Map<String, Precinct> all() {
        Map<String, Precinct> byNumber = new LinkedHashMap<>();
        jdbc.query("select number, region, district, city, address from precinct"
                        + " order by length(number), number",
                rs -> {
                    Precinct p = new Precinct(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5));
                    byNumber.put(p.number(), p);
                });
        return byNumber;
    }
}
