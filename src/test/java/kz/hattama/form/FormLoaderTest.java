package kz.hattama.form;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void aFormNamingAnUnknownFieldInACheckIsRefused(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Files.readString(FormLoader.BUILT_IN).replaceFirst("\"ballots_unused\"\\s*\\]", "\"ballots_lost\"]"));
        assertThatThrownBy(() -> FormLoader.loadOrBuiltIn(broken)).hasMessageContaining("ballots_lost");
    }

    @Test
    void aFieldTheLayoutDoesNotPlaceIsRefused(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Files.readString(FormLoader.BUILT_IN).replace(", \"ballots_unused\"]}", "]}"));
        assertThatThrownBy(() -> FormLoader.load(broken)).hasMessageContaining("does not place [ballots_unused]");
    }

    @Test
    void aFlagWithoutAnEnglishLabelIsRefused(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Files.readString(FormLoader.BUILT_IN).replace("{\"en\": \"Turnout above 70 %\", ", "{"));
        assertThatThrownBy(() -> FormLoader.load(broken)).hasMessageContaining("flag turnout_over_70 has no label in en");
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
        assertThat(form.layout().single(form.id()).blocks()).extracting(LayoutDef.Block::kind)
                .containsExactly(LayoutDef.LINES, LayoutDef.TABLE, LayoutDef.LINES);
    }
}
