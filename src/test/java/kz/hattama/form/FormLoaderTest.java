package kz.hattama.form;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormLoaderTest {

    @Test
    void theBuiltInFormIsReadFromTheRepository() {
        FormDefinition form = FormLoader.loadOrBuiltIn(FormLoader.BUILT_IN);
        assertThat(form.keys()).hasSize(12);
    }

    /** The jar run from any other folder still has its form. */
    @Test
    void elsewhereTheBuiltInFormComesFromTheClasspath(@TempDir Path elsewhere) {
        FormDefinition form = FormLoader.loadOrBuiltIn(FormLoader.BUILT_IN, elsewhere);
        assertThat(form).isEqualTo(FormLoader.load(FormLoader.BUILT_IN));
    }

    @Test
    void aFormFileOfTheUsersOwnIsRead(@TempDir Path dir) throws Exception {
        Path mine = dir.resolve("form.json");
        Files.copy(FormLoader.BUILT_IN, mine);
        assertThat(FormLoader.loadOrBuiltIn(mine).keys()).hasSize(12);
    }

    @Test
    void aMissingFormNamedByTheUserIsAClearError(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> FormLoader.loadOrBuiltIn(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope.json").hasMessageContaining("HATTAMA_FORM").hasMessageContaining("does not exist");
    }

    /** The built-in form with one thing broken (a regular expression and its replacement) is refused, saying why. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"right\": \\[\"ballots_issued\", \"ballots_unused\" | \"right\": [\"ballots_issued\", \"ballots_lost\" | check ballots_balance names unknown field ballots_lost",
            ", \"ballots_unused\"\\]\\}            | ]}               | does not place [ballots_unused]",
            "\\{\"en\": \"Turnout above 70 %\", | '{'              | flag turnout_over_70 has no label in en",
            "\"role\": \"turnout\"                 | \"role\": \"share\" | flag turnout_over_70 has the role share"})
    void aBrokenFormIsRefused(String broken, String replacement, String message, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, Files.readString(FormLoader.BUILT_IN).replaceFirst(broken, replacement));
        assertThatThrownBy(() -> FormLoader.loadOrBuiltIn(file)).hasMessageContaining(message);
    }

    @Test
    void theFormSaysWhatStatisticsAndReadersNeed() {
        FormDefinition form = FormLoader.load(FormLoader.BUILT_IN);
        assertThat(form.tableFields()).extracting(FieldDef::key)
                .containsExactly("party_1", "party_2", "party_3", "party_4", "party_5");
        assertThat(form.tableFields()).extracting(FieldDef::displayName)
                .containsExactly("Народная партия Казахстана", "Nur Otan", "Ауыл", "Ак жол", "Adal");
        assertThat(form.flagWithRole(FlagDef.TURNOUT)).map(FlagDef::id).contains("turnout_over_70");
        assertThat(form.maxDigits()).isEqualTo(6);
        assertThat(form.layout().blocks()).extracting(LayoutDef.Block::kind)
                .containsExactly(LayoutDef.LINES, LayoutDef.TABLE, LayoutDef.LINES);
        assertThat(form.layout().sides()).hasSize(2);
        assertThat(form.layout().sideOf("voted_outside")).isEqualTo(1);
        assertThat(form.layout().sideOf("party_1")).isEqualTo(2);
        assertThat(form.layout().signatureSide()).isEqualTo(2);
        assertThat(form.layout().signatures().required()).containsExactly("chairman", "secretary");
        assertThat(form.relations()).extracting(kz.hattama.form.CheckDef::id).doesNotContain("pages_complete", "signed");
    }
}
