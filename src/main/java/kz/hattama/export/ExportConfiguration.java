package kz.hattama.export;

import kz.hattama.config.HattamaVersion;
import kz.hattama.form.FormDefinition;
import kz.hattama.precinct.PlaceFinder;
import kz.hattama.review.ReviewHistory;
import kz.hattama.store.ProtocolPages;
import kz.hattama.store.ProtocolStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
public class ExportConfiguration {

    /** The web app contributes the review history as a {@link ReviewHistory} bean; without one nothing was reviewed. */
    @Bean
    public ExportSource exportSource(ProtocolStore store, ProtocolPages pages, FormDefinition form, PlaceFinder places,
                                     ObjectProvider<ReviewHistory> reviews) {
        return new ExportSource(store, pages, form, places, reviews.getIfAvailable(() -> ReviewHistory.NONE));
    }

    @Bean
    public JsonlExporter jsonlExporter(ExportSource source) {
        return new JsonlExporter(source);
    }

    @Bean
    public CsvExporter csvExporter(ExportSource source) {
        return new CsvExporter(source);
    }

    @Bean
    public DatasetExporter datasetExporter(JsonlExporter jsonl, CsvExporter csv) {
        return new DatasetExporter(jsonl, csv, Clock.systemUTC(), HattamaVersion.get());
    }
}
