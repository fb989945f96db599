package kz.hattama.form;

import java.util.List;
import java.util.Map;

/** A versioned protocol form, read from {@code batch-config/}: what is on the page and what must hold. */
public record FormDefinition(String id, int version, Map<String, String> title,
                             Map<String, List<String>> markers, Map<String, String> precinct,
                             List<FieldDef> fields, List<CheckDef> checks, List<FlagDef> flags,
                             int maxValue) {

    public List<String> keys() {
        return fields.stream().map(FieldDef::key).toList();
    }

    public FieldDef field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field " + key + " in form " + id));
    }

    public List<FieldDef> lineFields() {
        return fields.stream().filter(f -> !f.isTableRow()).toList();
    }

    public List<FieldDef> tableFields() {
        return fields.stream().filter(FieldDef::isTableRow).toList();
    }
}
