package kz.hattama.protocol;

import java.util.List;
import java.util.Map;

/**
 * A page read as a protocol of the form. {@code fields} holds every key of the form, in form order.
 *
 * @param precinct           the precinct number (null where unread); filed under only when {@code precinctStatus}
 *                           is not NEEDS_REVIEW
 * @param precinctConfidence how far the looks at the number back it (0..1); null where none was judged
 * @param precinctReasons    why the number needs a person, empty when it does not
 */
public record ProtocolResult(String form, String lang, String precinct, String address,
                             Map<String, FieldResult> fields, List<CheckResult> checks, List<Flag> flags,
                             ProtocolStatus status, FieldStatus precinctStatus, Double precinctConfidence,
                             List<ReviewReason> precinctReasons) {

    public ProtocolResult {
        precinctReasons = precinctReasons == null ? List.of() : List.copyOf(precinctReasons);
    }

    public List<CheckResult> failedChecks() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
