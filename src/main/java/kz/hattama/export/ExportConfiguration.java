package kz.hattama.export;

import kz.hattama.form.FormDefinition;
import kz.hattama.store.ProtocolStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ExportConfiguration {

    @Bean
    public ExportSource exportSource(ProtocolStore store, FormDefinition form) {
        return new ExportSource(store, form);
    }

    @Bean
    public JsonlExporter jsonlExporter(ExportSource source) {
        return new JsonlExporter(source);
    }

    @Bean
    public CsvExporter csvExporter(ExportSource source) {
        return new CsvExporter(source);
    }
}
