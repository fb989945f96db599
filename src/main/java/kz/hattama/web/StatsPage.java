package kz.hattama.web;

import kz.hattama.stats.HtmlReport;
import kz.hattama.stats.StatisticsService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.StringWriter;

/**
 * Results and violations by region, city and precinct, with charts: the same report as
 * {@code stats --format html}, computed on the data as it stands when the page is opened.
 */
@RestController
@ConditionalOnWebApplication
public class StatsPage {

    private final StatisticsService statistics;

    public StatsPage(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @GetMapping(value = "/stats", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> stats() throws IOException {
        StringWriter html = new StringWriter();
        new HtmlReport().write(statistics.compute(), html);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(html.toString());
    }
}
