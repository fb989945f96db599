package kz.hattama.stats;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The statistics of {@link KnownSet}, every figure worked out by hand (the sums are in the comments). */
class StatisticsServiceTest extends OnKnownSet {

    private static Statistics.Area area(List<Statistics.Area> areas, String name) {
        return areas.stream().filter(a -> java.util.Objects.equals(a.name(), name)).findFirst().orElseThrow();
    }

    @Test
    void partiesAreTheFormsTableRowsUnderTheirShortNames() {
        assertThat(stats.parties()).extracting(Statistics.Party::name)
                .containsExactly("Народная партия Казахстана", "Nur Otan", "Ауыл", "Ак жол", "Adal");
        assertThat(stats.turnoutFlagPercent()).isEqualTo(70.0);
    }

    @Test
    void allProtocolsCountOnePerPrecinctAndLeaveOutTheUnread() {
        Statistics.Scope all = stats.scope(StatisticsService.ALL);
        // 10 read protocols; 101 twice, so 9 precincts, of which 401 lacks party_3.
        assertThat(all.protocols()).isEqualTo(10);
        assertThat(all.precincts()).isEqualTo(8);
        assertThat(all.incomplete()).isEqualTo(1);
        assertThat(all.precinctRows()).extracting(Statistics.Area::name)
                .containsExactly("101", "102", "201", "202", "203", "204", "301", "999");
        // 101's VERIFIED photo counts, not the misread one (party_2 401, not 411).
        assertThat(area(all.precinctRows(), "101").votes()).containsExactly(101L, 401L, 51L, 31L, 7L);
    }

    @Test
    void citySumsAndSharesByHand() {
        Statistics.Scope all = stats.scope(StatisticsService.ALL);
        // Семей: 101 + 102 (printed in Kazakh) + 999 (not on the list, city from its address).
        Statistics.Area semey = area(all.cities(), "Семей");
        assertThat(semey.precincts()).isEqualTo(3);
        assertThat(semey.votersTotal()).isEqualTo(1000 + 500 + 100);
        assertThat(semey.participated()).isEqualTo(600 + 380 + 70);
        assertThat(semey.votes()).containsExactly(101L + 40 + 10, 401L + 300 + 50, 51L + 20 + 5, 31L + 10 + 3, 7L + 7 + 1);
        assertThat(semey.turnout()).isCloseTo(100.0 * 1050 / 1600, within(1e-9));
        assertThat(semey.share(1)).isCloseTo(100.0 * 751 / 1050, within(1e-9));
        // Уральск under its Russian name, though 202 is printed «Орал қаласы».
        Statistics.Area uralsk = area(all.cities(), "Уральск");
        assertThat(uralsk.votersTotal()).isEqualTo(2000 + 1900 + 1000 + 800);
        assertThat(uralsk.participated()).isEqualTo(1200 + 1200 + 500 + 500);
        assertThat(uralsk.votes()).containsExactly(200L + 200 + 97 + 52, 700L + 700 + 300 + 348, 100L + 100 + 51 + 40,
                80L + 80 + 29 + 30, 100L + 100 + 20 + 20);
        assertThat(uralsk.share(1)).isCloseTo(100.0 * 2048 / 3400, within(1e-9));
        // 301 has no city on the list and none in its address.
        assertThat(area(all.cities(), null).participated()).isEqualTo(190);
        assertThat(all.cities()).extracting(Statistics.Area::name).containsExactly("Семей", "Уральск", null);
        assertThat(all.total().votersTotal()).isEqualTo(1600 + 5700 + 300);
        assertThat(all.total().participated()).isEqualTo(1050 + 3400 + 190);
        assertThat(all.total().share(1)).isCloseTo(100.0 * (751 + 2048 + 150) / 4640, within(1e-9));
    }

    @Test
    void regionsAndDistrictsRollUpFromTheList() {
        Statistics.Scope all = stats.scope(StatisticsService.ALL);
        // 101, 102, 301 (999 is not on the list: its region is unknown).
        Statistics.Area abai = area(all.regions(), "Абайская область");
        assertThat(abai.precincts()).isEqualTo(3);
        assertThat(abai.participated()).isEqualTo(600 + 380 + 190);
        assertThat(area(all.regions(), "Западно-Казахстанская область").participated()).isEqualTo(3400);
        assertThat(area(all.regions(), null).participated()).isEqualTo(70);
        assertThat(all.districts()).extracting(Statistics.Area::name, Statistics.Area::region, Statistics.Area::precincts)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Абайский район", "Абайская область", 1),
                        org.assertj.core.groups.Tuple.tuple("город Семей", "Абайская область", 2),
                        org.assertj.core.groups.Tuple.tuple("город Уральск", "Западно-Казахстанская область", 4),
                        org.assertj.core.groups.Tuple.tuple(null, null, 1));
    }

    @Test
    void turnoutHistogramAndScatter() {
        Statistics.Scope all = stats.scope(StatisticsService.ALL);
        // Turnouts: 60.0, 76.0, 60.0, 63.2, 50.0, 62.5, 63.3, 70.0.
        assertThat(all.turnout().bins()).hasSize(20);
        Map<Double, Integer> nonEmpty = new java.util.TreeMap<>();
        all.turnout().bins().stream().filter(b -> b.precincts() > 0).forEach(b -> nonEmpty.put(b.from(), b.precincts()));
        assertThat(nonEmpty).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(50.0, 1, 60.0, 5, 70.0, 1, 75.0, 1)));
        assertThat(all.scatter()).hasSize(8);
        Statistics.Point p203 = all.scatter().stream().filter(p -> p.precinct().equals("203")).findFirst().orElseThrow();
        assertThat(p203.turnout()).isEqualTo(50.0);
        assertThat(p203.leadingShare()).isEqualTo(60.0);
        assertThat(p203.leadingParty()).isEqualTo("party_2");
    }

    @Test
    void failedChecksCountProtocols() {
        assertThat(stats.scope(StatisticsService.ALL).failedChecks()).containsExactly(
                Map.entry("ballots_balance", 1), Map.entry("votes_balance", 1), Map.entry("words_match", 1));
        assertThat(stats.scope(StatisticsService.CLEAN).failedChecks()).isEmpty();
    }

    @Test
    void flaggedPrecincts() {
        assertThat(stats.scope(StatisticsService.ALL).flagged())
                .extracting(Statistics.FlaggedPrecinct::precinct, Statistics.FlaggedPrecinct::flag)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("101", "precinct_conflict"),
                        org.assertj.core.groups.Tuple.tuple("101", "precinct_conflict"),
                        org.assertj.core.groups.Tuple.tuple("102", "turnout_over_70"),
                        org.assertj.core.groups.Tuple.tuple("201", "identical_figures"),
                        org.assertj.core.groups.Tuple.tuple("202", "identical_figures"),
                        org.assertj.core.groups.Tuple.tuple("203", "round_share"),
                        org.assertj.core.groups.Tuple.tuple("999", "precinct_not_in_list"));
        Statistics.FlaggedPrecinct round = stats.scope(StatisticsService.ALL).flagged().get(5);
        assertThat(round.detail()).isEqualTo("Nur Otan 300 of 500 = 60.00 %");
        assertThat(stats.scope(StatisticsService.ALL).flagged().get(2).detail()).isEqualTo("turnout 76.0 %");
    }

    @Test
    void theCleanScopeKeepsVerifiedAndReviewedOnly() {
        Statistics.Scope clean = stats.scope(StatisticsService.CLEAN);
        // 101, 201, 202, 203 (REVIEWED), 301, 999.
        assertThat(clean.protocols()).isEqualTo(6);
        assertThat(clean.precinctRows()).extracting(Statistics.Area::name)
                .containsExactly("101", "201", "202", "203", "301", "999");
        Statistics.Area semey = area(clean.cities(), "Семей");
        assertThat(semey.votersTotal()).isEqualTo(1100);
        assertThat(semey.share(1)).isCloseTo(100.0 * 451 / 670, within(1e-9));
        assertThat(area(clean.cities(), "Уральск").share(1)).isCloseTo(100.0 * 1700 / 2900, within(1e-9));
        assertThat(clean.total().participated()).isEqualTo(3760);
        assertThat(clean.flagged()).extracting(Statistics.FlaggedPrecinct::flag)
                .containsExactly("identical_figures", "identical_figures", "round_share", "precinct_not_in_list");
    }

    @Test
    void textAndCsvShowTheObserversTable() throws IOException {
        StringWriter text = new StringWriter();
        new TextReport().write(stats, text);
        assertThat(text.toString())
                .contains("Results by city, % of voters who took part")
                .containsPattern("Nur Otan, %\\s+71\\.52\\s+60\\.24\\s+78\\.95\\s+63\\.56")
                .contains("== Checked protocols only (VERIFIED and REVIEWED) ==");
        StringWriter csv = new StringWriter();
        new CsvReport().write(stats, csv);
        assertThat(csv.toString().lines())
                .contains("all,city,Семей,,,Семей,3,1600,1050,65.63,151,14.38,751,71.52,76,7.24,44,4.19,15,1.43,,")
                .contains("clean,precinct,203,Западно-Казахстанская область,город Уральск,Уральск,1,1000,500,50.00,"
                        + "97,19.40,300,60.00,51,10.20,29,5.80,20,4.00,round_share,");
    }
}
