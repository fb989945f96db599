package kz.hattama.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The HTML report of {@link KnownSet} opened from disk in headless Chromium, offline: it renders, and each chart
 * drew as many points as the data has. Skipped only where Chromium is not installed ({@code .ci/run} installs it).
 */
class HtmlReportBrowserTest extends OnKnownSet {

    private static final Pattern CANVAS = Pattern.compile("<canvas[^>]*>");

    static Path write(Statistics stats, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new HtmlReport().write(stats, w);
        }
        return file;
    }

    @Test
    void theReportNeedsNothingFromOutside(@TempDir Path tmp) throws IOException {
        String html = Files.readString(write(stats, tmp.resolve("stats.html")));

        assertThat(html).doesNotContainPattern("(src|href)\\s*=\\s*[\"']?(https?:)?//")
                .contains("Chart.js v4").contains("id=\"stats-data\"");
        // Opened from disk there is no review page to go to: the only links are to the report's own sections, while
        // the app's page links the flagged precincts.
        assertThat(html).doesNotContainPattern("href=\"[^#]");
        assertThat(new HtmlReport().linkingTo(id -> "/review/" + id).body(stats)).containsPattern("<a href=\"/review/\\d+\">");
        assertThat(canvases(html)).containsExactly(Map.entry("turnout-all", "20"), Map.entry("scatter-all", "8"),
                Map.entry("turnout-clean", "20"), Map.entry("scatter-clean", "6"));
    }

    @Test
    void chromiumRendersEveryChartWithAllItsPoints(@TempDir Path tmp) throws Exception {
        assumeTrue(Chromium.executable() != null, "chromium is not installed (apt-get install -y chromium)");
        Path html = write(stats, tmp.resolve("stats.html"));

        String dom = Chromium.dumpDom(html, tmp.resolve("profile"));

        assertThat(dom).contains("data-charts-ready=\"true\"").doesNotContain("data-charts-error");
        Map<String, String> rendered = new LinkedHashMap<>();
        Matcher m = CANVAS.matcher(dom);
        while (m.find()) {
            rendered.put(attribute(m.group(), "id"), attribute(m.group(), "data-rendered-points"));
        }
        assertThat(rendered).containsExactly(Map.entry("turnout-all", "20"), Map.entry("scatter-all", "8"),
                Map.entry("turnout-clean", "20"), Map.entry("scatter-clean", "6"));
        assertThat(dom).contains("Results by city, % of voters who took part").contains("Уральск");
    }

    private static Map<String, String> canvases(String html) {
        Map<String, String> points = new LinkedHashMap<>();
        Matcher m = CANVAS.matcher(html);
        while (m.find()) {
            points.put(attribute(m.group(), "id"), attribute(m.group(), "data-points"));
        }
        return points;
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1) : null;
    }
}
