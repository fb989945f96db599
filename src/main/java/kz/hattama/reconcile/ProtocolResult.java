package kz.hattama.reconcile;

import java.util.List;
import java.util.Map;

/** A page read as a protocol of the form. {@code fields} holds every key of the form, in form order. */
public record ProtocolResult(String form, String lang, String precinct, String address,
                             Map<String, FieldResult> fields, List<CheckResult> checks, List<Flag> flags,
                             ProtocolStatus status) {

    public List<CheckResult> failedChecks() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
