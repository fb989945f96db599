package kz.hattama.web;

import kz.hattama.protocol.ReviewReason;
import com.fasterxml.jackson.databind.JsonNode;
import kz.hattama.protocol.CheckResult;
import kz.hattama.protocol.FieldResult;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.ProtocolResult;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.reconcile.Relations;
import kz.hattama.export.Samples;
import kz.hattama.store.Protocols;
import kz.hattama.users.AppUser;
import kz.hattama.users.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web app in a real browser (Debian's chromium, headless, driven through /usr/bin/chromedriver): a volunteer
 * uploads sample scans and a bad file and sees what became of each; a reviewer corrects a figure with the keyboard
 * only and signs the protocol off; the export and the history hold the change. Screenshots go to target/screenshots.
 */
class BrowserEndToEndTest extends WebTestBase {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SAMPLES = Path.of("sample-scans").toAbsolutePath();
    /** Reading a handwritten phone photo takes a few seconds a core; a loaded CI machine may be much slower. */
    private static final Duration READING = Duration.ofMinutes(5);

    private WebDriver driver;
    private Path profile;
    private final Browser browser = new Browser(() -> driver);

    @BeforeAll
    static void aBrowserIsInstalled() {
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "no " + CHROMEDRIVER + ": apt-get install chromium chromium-driver");
    }

    @BeforeEach
    void browser() throws IOException {
        profile = Files.createTempDirectory("hattama-chromium");
        ChromeOptions options = new ChromeOptions();
        if (Files.isExecutable(CHROMIUM)) {
            options.setBinary(CHROMIUM.toString());
        }
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1600,1200", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.quit();
        }
        FileSystemUtils.deleteRecursively(profile.toFile());
    }

    @Test
    void aVolunteerUploadsAReviewerCorrectsAFigureByKeyboardAndTheExportAndHistoryHoldIt() throws Exception {
        AppUser volunteer = user("vera", Role.VOLUNTEER);
        AppUser reviewer = user("rex", Role.REVIEWER);

        // --- the volunteer, in Russian: three files picked, one dropped ---
        login(volunteer);
        driver.get(url("/upload"));
        driver.findElement(By.cssSelector(".langs a[hreflang=ru]")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Загрузка протоколов");
        WebElement picker = driver.findElement(By.id("files"));
        browser.js("arguments[0].hidden = false;", picker);
        picker.sendKeys(String.join("\n", SAMPLES.resolve("p2021-014.png").toString(),
                SAMPLES.resolve("p2021-001.jpg").toString(), SAMPLES.resolve("bad-input/notes.txt").toString()));

        String typed = finalStatus("p2021-014.png");
        assertThat(typed).isIn("VERIFIED", "NEEDS_REVIEW");
        assertThat(finalStatus("p2021-001.jpg")).isEqualTo("NEEDS_REVIEW");
        assertThat(finalStatus("notes.txt")).isEqualTo("REJECTED");
        assertThat(rowText("notes.txt"))
                .contains("Это не фото, не скан и не PDF. Загрузите протокол в формате JPEG, PNG, TIFF или PDF.");
        assertThat(rowText("p2021-001.jpg")).contains("Нужна проверка").contains("проверяющий посмотрит цифр");

        // The same photo again, dropped onto the page under another name: a duplicate, with a link to the first.
        drop(SAMPLES.resolve("p2021-014.png"), "again/p2021-014 (copy).png");
        assertThat(finalStatus("again/p2021-014 (copy).png")).isEqualTo("DUPLICATE");
        String copy = "#uploads tr[data-name=\"again/p2021-014 (copy).png\"] a.duplicate-of";
        assertThat(browser.js("return document.querySelector(arguments[0]).textContent;", copy)).isEqualTo("p2021-014.png");
        browser.screenshot("upload-page");
        browser.js("document.querySelector(arguments[0]).click();", copy);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/sources/"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("p2021-014.png");
        logout();

        // --- the reviewer, from the queue, keyboard only ---
        login(reviewer);
        driver.get(url("/review"));
        browser.screenshot("review-queue");
        driver.findElement(By.xpath("//table[contains(@class,'queue')]//a[starts-with(normalize-space(.), 'p2021-001.jpg')]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlMatches(".*/review/\\d+$"));
        long protocolId = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/", ""));
        waitForPage();
        Map<String, Integer> read = figures();
        // The page asks about the uncertain figures; one read surely, with only a failed check against it, is not
        // asked about, and where every figure of a failed check was read surely the cursor waits on the first of them.
        List<String> uncertain = uncertainKeys();
        List<String> needing = needsReviewKeys();
        assertThat(needing).isNotEmpty();
        String first = uncertain.isEmpty() ? needing.get(0) : uncertain.get(0);

        // The cursor starts there; typing replaces it and the checks follow at once.
        assertThat(focusedKey()).isEqualTo(first);
        int corrected = read.get(first) + 1;
        browser.type(String.valueOf(corrected));
        Map<String, Integer> now = new LinkedHashMap<>(read);
        now.put(first, corrected);
        List<CheckResult> expected = new Relations(Protocols.FORM).checks(now);
        for (CheckResult c : expected) {
            WebElement shown = driver.findElement(By.cssSelector("#checks li[data-check='" + c.id() + "']"));
            assertThat(shown.findElement(By.cssSelector(".detail")).getText()).isEqualTo(c.detail());
            assertThat(shown.getAttribute("class")).isEqualTo(c.passed() ? "pass" : "fail");
        }
        browser.screenshot("review-page");
        // Enter confirms and moves to the next uncertain figure (none left: it stays); Shift+Tab goes back one.
        browser.press(Keys.ENTER);
        String next = uncertain.size() > 1 ? uncertain.get(1) : first;
        assertThat(focusedKey()).isEqualTo(next);
        browser.chord(Keys.SHIFT, Keys.TAB);
        String above = fieldBefore(next);
        assertThat(focusedKey()).isEqualTo(above);
        if (!above.equals("precinct")) {
            assertThat(driver.switchTo().activeElement().getAttribute("value")).isEqualTo(String.valueOf(now.get(above)));
        }
        browser.press(Keys.ENTER);
        if (uncertain.size() > 1) {
            assertThat(focusedKey()).isEqualTo(uncertain.get(1));
        }
        for (int i = 1; i < uncertain.size(); i++) {
            browser.press(Keys.ENTER);
        }
        browser.chord(Keys.CONTROL, Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().endsWith("/review/" + protocolId));

        // --- what the dataset and the history now hold ---
        Session admin = new Session().login(users.byLogin("admin").orElseThrow());
        JsonNode record = exportRecordOf(admin, protocolId);
        assertThat(record.get("status").asText()).isEqualTo("REVIEWED");
        assertThat(record.get("fields").get(first).get("value").asInt()).isEqualTo(corrected);
        assertThat(record.get("fields").get(first).get("status").asText()).isEqualTo("REVIEWED");
        assertThat(record.get("review").get("by").asText()).isEqualTo(reviewer.login());
        JsonNode changes = record.get("review").get("changes");
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).get("field").asText()).isEqualTo(first);
        assertThat(changes.get(0).get("from").asInt()).isEqualTo(read.get(first));
        assertThat(changes.get(0).get("to").asInt()).isEqualTo(corrected);
        assertThat(changes.get(0).get("by").asText()).isEqualTo(reviewer.login());
        assertThat(jdbc.queryForList("""
                select s.reviewer, c.field, c.from_value, c.to_value from review_change c
                  join review_signoff s on s.id = c.signoff_id where c.protocol_id = ?""", protocolId))
                .containsExactly(Map.of("reviewer", reviewer.login(), "field", first,
                        "from_value", read.get(first), "to_value", corrected));
    }

    @Test
    void aReviewerGoesFromTheResultsPageToAProtocolWithAFailedCheck() throws IOException {
        long id = storedProtocol(null, "results.jpg", Protocols.needsReview("48152"), null);
        login(user("ana", Role.REVIEWER));
        driver.get(url("/stats"));

        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-charts-ready")));
        assertThat(driver.findElement(By.cssSelector("canvas#scatter-all")).getAttribute("data-rendered-points"))
                .isNotIn(null, "0");
        assertThat(driver.findElement(By.cssSelector("header.top nav a.here")).getText()).isEqualTo("Results");
        browser.screenshot("results-page");
        driver.findElement(By.cssSelector(".stats-report a[href='/review/" + id + "']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlMatches(".*/review/" + id + "$"));
        waitForPage();
    }

    /**
     * With the commission's official results imported, the results page says per city and party how many votes the
     * official results have more than the protocols, sets observed precincts beside the others, and counts the
     * protocols received and rejected by reason, in the interface's language.
     */
    @Test
    void theResultsPageSetsTheProtocolsBesideTheOfficialResultsAndCountsTheRejected() throws IOException {
        Map<String, Integer> observed = Samples.consistent(1000, 700, 10, 100, 400, 50, 30, 10);
        storedProtocol(null, "ekibastuz-1.jpg", Samples.perfect("61001", "г. Экибастуз, ул. Ленина 1", observed,
                Map.of(), false), null);
        ProtocolResult p = Samples.perfect("61002", "г. Экибастуз, ул. Ленина 2",
                Samples.consistent(1000, 600, 5, 50, 300, 50, 30, 15), Map.of(), false);
        List<CheckResult> checks = new ArrayList<>(p.checks());
        checks.add(new CheckResult("signed", false, "the secretary's line bears no signature"));
        storedProtocol(null, "ekibastuz-2.jpg", new ProtocolResult(p.form(), p.lang(), p.precinct(), p.address(),
                p.fields(), checks, p.flags(), ProtocolStatus.NEEDS_REVIEW, p.precinctStatus(), p.precinctConfidence(),
                null), null);
        Map<String, Integer> official = new LinkedHashMap<>(observed);
        official.merge("party_2", 50, Integer::sum);
        official.merge("voters_participated", 50, Integer::sum);
        official.merge("ballots_issued", 50, Integer::sum);
        jdbc.update("insert into official_result (precinct, figures, source_line) values (?, ?::jsonb, 2), (?, ?::jsonb, 3)",
                "61001", JSON.writeValueAsString(official), "61003", JSON.writeValueAsString(observed));
        try {
            login(user("olga", Role.REVIEWER));
            driver.get(url("/stats"));
            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-charts-ready")));

            Map<String, List<String>> count = tableRows(driver.findElement(By.cssSelector(".stats-report #observers table")));
            assertThat(Integer.parseInt(count.get("Protocols received").get(0))).isGreaterThanOrEqualTo(2);
            assertThat(Integer.parseInt(count.get("of which not signed").get(0))).isGreaterThanOrEqualTo(1);
            assertThat(count).containsKeys("Accepted", "of which unreadable", "of which incomplete (a side missing)",
                    "of which the figures do not match", "of which turnout over 70 %");

            WebElement difference = tableTitled("scope-all", "Official results minus protocols, votes (precincts with both)");
            List<String> cities = difference.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList();
            int ekibastuz = cities.indexOf("Экибастуз");
            assertThat(ekibastuz).isPositive();
            Map<String, List<String>> rows = tableRows(difference);
            assertThat(rows.get("Nur Otan").get(ekibastuz - 1)).isEqualTo("+50");
            assertThat(rows.get("Took part").get(ekibastuz - 1)).isEqualTo("+50");
            assertThat(rows.get("Adal").get(ekibastuz - 1)).isEqualTo("0");

            WebElement sideBySide = tableTitled("scope-all", "Observed and not observed precincts: turnout and shares, %");
            assertThat(sideBySide.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList())
                    .containsExactly("", "Observed: protocols", "Observed: official results", "Not observed: official results");
            assertThat(Integer.parseInt(tableRows(sideBySide).get("Precincts").get(2))).isGreaterThanOrEqualTo(1);
            browser.screenshot("results-official");

            driver.get(url("/stats?lang=kk"));
            assertThat(driver.findElement(By.cssSelector(".stats-report #observers h3")).getText())
                    .isEqualTo("Байқаушылар есебі: алынған және қабылданбаған хаттамалар");
            assertThat(tableTitled("scope-all", "Ресми қорытынды минус хаттамалар, дауыс (екеуі де бар учаскелер)")
                    .isDisplayed()).isTrue();
        } finally {
            jdbc.update("delete from official_result where precinct in ('61001', '61003')");
        }
    }

    /** A table of the report by its heading, in the scope's section. */
    private WebElement tableTitled(String scope, String title) {
        return driver.findElement(By.xpath("//section[@id='" + scope + "']//h3[normalize-space(.)='" + title
                + "']/following-sibling::table[1]"));
    }

    /** A table's body rows by their first cell, the other cells as shown. */
    private static Map<String, List<String>> tableRows(WebElement table) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (WebElement tr : table.findElements(By.cssSelector("tbody tr"))) {
            List<String> cells = tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
            rows.put(cells.get(0), cells.subList(1, cells.size()));
        }
        return rows;
    }

    /**
     * The keyboard cost of a protocol with two uncertain figures, one read right and one to correct (a three-digit
     * figure): Enter, three digits, Ctrl+Enter.
     */
    @Test
    void aProtocolWithTwoUncertainFiguresTakesFiveKeystrokesWhenOneNeedsCorrecting() {
        long id = storedProtocol(null, "two-uncertain.jpg", twoUncertain(), null);
        login(user("kim", Role.REVIEWER));
        driver.get(url("/review/" + id));
        waitForPage();
        browser.keystrokes = 0;

        assertThat(focusedKey()).isEqualTo("voted_outside");
        browser.press(Keys.ENTER);
        assertThat(focusedKey()).isEqualTo("party_1");
        browser.type("100");
        WebElement votes = driver.findElement(By.cssSelector("#checks li[data-check='votes_balance']"));
        assertThat(votes.getAttribute("class")).isEqualTo("pass");
        assertThat(votes.findElement(By.cssSelector(".detail")).getText()).isEqualTo("1490 (100 + 900 + 200 + 150 + 120 + 20) = 1490");
        browser.chord(Keys.CONTROL, Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().endsWith("/review/" + id));

        assertThat(browser.keystrokes).isEqualTo(5);
        assertThat(jdbc.queryForMap("select status, version from protocol where id = ?", id))
                .containsEntry("status", "REVIEWED").containsEntry("version", 1);
        assertThat(jdbc.queryForList("select key, value, status from protocol_field where protocol_id = ?"
                + " and key in ('voted_outside', 'party_1') order by key", id)).containsExactly(
                Map.of("key", "party_1", "value", 100, "status", "REVIEWED"),
                Map.of("key", "voted_outside", "value", 40, "status", "REVIEWED"));
    }

    /**
     * A clean protocol whose precinct number the looks disagreed on: the cursor starts on the number, with the reason
     * shown; typing the right one and Ctrl+Enter corrects it (4 browser.keystrokes), and the history keeps the change.
     */
    @Test
    void aReviewerCorrectsAnUnsurePrecinctNumberByKeyboard() {
        ProtocolResult clean = Protocols.verified();
        long id = storedProtocol(null, "unsure-precinct.jpg", new ProtocolResult(clean.form(), clean.lang(), "29",
                clean.address(), clean.fields(), clean.checks(), clean.flags(), ProtocolStatus.NEEDS_REVIEW,
                FieldStatus.NEEDS_REVIEW, 0.7, List.of(ReviewReason.of(ReviewReason.Code.PRECINCT_DISAGREE, "29 ≠ 463 (number-model)"))),
                null);
        login(user("lee", Role.REVIEWER));
        driver.get(url("/review/" + id));
        waitForPage();
        browser.keystrokes = 0;

        assertThat(focusedKey()).isEqualTo("precinct");
        assertThat(driver.findElement(By.cssSelector("tr.field[data-key='precinct'] .reason")).getText())
                .isEqualTo("the readings of the precinct number disagree: 29 ≠ 463 (number-model)");
        browser.type("463");
        browser.chord(Keys.CONTROL, Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().endsWith("/review/" + id));

        assertThat(browser.keystrokes).isEqualTo(4);
        assertThat(jdbc.queryForMap("select status, precinct, precinct_status from protocol where id = ?", id))
                .containsEntry("status", "REVIEWED").containsEntry("precinct", "463").containsEntry("precinct_status", "REVIEWED");
        assertThat(jdbc.queryForList("select field, from_value, to_value from review_change where protocol_id = ?", id))
                .containsExactly(Map.of("field", "precinct", "from_value", 29, "to_value", 463));
    }

    /** The clean protocol with party_1 misread (180 in digits, «сто» in words) and voted_outside read unsurely. */
    private static ProtocolResult twoUncertain() {
        ProtocolResult clean = Protocols.verified();
        Map<String, FieldResult> fields = new LinkedHashMap<>(clean.fields());
        FieldResult p1 = fields.get("party_1");
        fields.put("party_1", new FieldResult("party_1", 180, 180, 100, "180", "сто", 0.41, FieldStatus.NEEDS_REVIEW,
                List.of(ReviewReason.of(ReviewReason.Code.DISAGREE), ReviewReason.of(ReviewReason.Code.FAILED_CHECK, "votes_balance")),
                p1.box()));
        FieldResult out = fields.get("voted_outside");
        fields.put("voted_outside", new FieldResult("voted_outside", 40, 40, 40, "40", "сорок", 0.3,
                FieldStatus.NEEDS_REVIEW, List.of(ReviewReason.of(ReviewReason.Code.LOW_CONFIDENCE, "0.42", "0.91")), out.box()));
        Map<String, Integer> values = fields.values().stream()
                .collect(Collectors.toMap(FieldResult::key, FieldResult::value, (a, b) -> a, LinkedHashMap::new));
        Relations relations = new Relations(Protocols.FORM);
        List<CheckResult> checks = new ArrayList<>(relations.checks(values));
        fields.values().forEach(f -> checks.add(CheckResult.wordsMatch(f.key(), true, f.key() + ": " + f.value())));
        return new ProtocolResult(clean.form(), clean.lang(), "238", clean.address(), fields, checks,
                relations.flags(values), ProtocolStatus.NEEDS_REVIEW, clean.precinctStatus(), clean.precinctConfidence(),
                clean.precinctReasons());
    }

    // ---- the browser ----

    private void login(AppUser user) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(user.login());
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void logout() {
        driver.findElement(By.cssSelector("form.logout button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/login"));
    }

    /** Read in one go: the list is redrawn while files are read, which would leave a found element stale. */
    private String rowText(String name) {
        return (String) browser.js("return document.querySelector('#uploads tr[data-name=\"' + arguments[0] + '\"]').innerText;", name);
    }

    /** Waits until the file's row shows an outcome, not a progress, and returns the outcome's status. */
    private String finalStatus(String name) {
        return new WebDriverWait(driver, READING).pollingEvery(Duration.ofMillis(500))
                .ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#uploads tr[data-name=\"" + name + "\"] .badge"));
            if (rows.isEmpty()) {
                return null;
            }
            String status = rows.get(0).getAttribute("data-status");
            return List.of("VERIFIED", "NEEDS_REVIEW", "REVIEWED", "REJECTED", "DUPLICATE").contains(status) ? status : null;
        });
    }

    /** Drops a file on the page as a file manager would, through the page's own drop handler. */
    private void drop(Path file, String name) throws IOException {
        browser.js("""
                const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
                const dt = new DataTransfer();
                dt.items.add(new File([bytes], arguments[1], {type: 'image/png'}));
                for (const type of ['dragenter', 'dragover', 'drop']) {
                  document.body.dispatchEvent(new DragEvent(type, {dataTransfer: dt, bubbles: true, cancelable: true}));
                }""", Base64.getEncoder().encodeToString(Files.readAllBytes(file)), name);
    }

    private void waitForPage() {
        // The precinct number and the twelve figures.
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector("input.fig")).size() == 13);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Integer> figures() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map<String, Object> f : (List<Map<String, Object>>) browser.js("return HATTAMA.protocol.fields;")) {
            out.put((String) f.get("key"), f.get("value") == null ? null : ((Number) f.get("value")).intValue());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<String> needsReviewKeys() {
        return (List<String>) browser.js("return HATTAMA.protocol.fields.filter(f => f.status === 'NEEDS_REVIEW').map(f => f.key);");
    }

    @SuppressWarnings("unchecked")
    private List<String> uncertainKeys() {
        // A figure read surely, against which only a failed check stands, is not asked about.
        return (List<String>) browser.js("return HATTAMA.protocol.fields.filter(f => f.status === 'NEEDS_REVIEW' && !f.sure).map(f => f.key);");
    }

    /** The row above a figure's: the figure before it, or the precinct number above the first. */
    private String fieldBefore(String key) {
        List<String> keys = new ArrayList<>(figures().keySet());
        int i = keys.indexOf(key);
        return i == 0 ? "precinct" : keys.get(i - 1);
    }

    private String focusedKey() {
        WebElement focused = driver.switchTo().activeElement();
        return focused.findElement(By.xpath("ancestor::tr[1]")).getAttribute("data-key");
    }






    private static JsonNode exportRecordOf(Session admin, long protocolId) throws IOException {
        String uid = admin.get("/api/protocols/" + protocolId).body();
        String id = JSON.readTree(uid).get("id").asText();
        for (String line : admin.get("/api/admin/export?format=jsonl&status=REVIEWED").body().split("\n")) {
            JsonNode r = JSON.readTree(line);
            if (r.get("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("protocol " + protocolId + " is not in the export of reviewed protocols");
    }
}
