package kz.hattama.export;

import kz.hattama.precinct.CityNames;
import kz.hattama.precinct.PlaceFinder;
import kz.hattama.precinct.PrecinctStore;
import kz.hattama.review.ReviewHistory;
import kz.hattama.store.Protocols;
import kz.hattama.store.TestDatabase.Stores;
import kz.hattama.store.TestDatabase;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The export side wired by hand on a test schema, as ExportConfiguration wires it in the application. */
public final class TestExports {

    private TestExports() {
    }

    public static PrecinctStore precincts(TestDatabase.Schema schema) {
        return new PrecinctStore(schema.jdbc(), new DataSourceTransactionManager(schema.dataSource()));
    }

    public static PlaceFinder places(TestDatabase.Schema schema) {
        return new PlaceFinder(precincts(schema), CityNames.builtIn());
    }

    public static ExportSource source(TestDatabase.Schema schema, ReviewHistory reviews) {
        Stores stores = schema.stores();
        return new ExportSource(stores.protocols(), stores.pages(), Protocols.FORM, places(schema), reviews);
    }

    public static ExportSource source(TestDatabase.Schema schema) {
        return source(schema, ReviewHistory.NONE);
    }
}
