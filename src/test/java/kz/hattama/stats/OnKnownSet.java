package kz.hattama.stats;

import kz.hattama.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests of the statistics of {@link KnownSet}, computed once per test class on a schema of its own. */
abstract class OnKnownSet {

    static TestDatabase.Schema schema;
    static Statistics stats;

    @BeforeAll
    static void compute() {
        schema = TestDatabase.migratedSchema();
        stats = KnownSet.store(schema).compute();
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }
}
