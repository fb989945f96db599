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
 * @param signatureBox       where the commission's signatures are, on the page that holds them; null where not found
 */
public record ProtocolResult(String form, String lang, String precinct, String address,
                             Map<String, FieldResult> fields, List<CheckResult> checks, List<Flag> flags,
                             ProtocolStatus status, FieldStatus precinctStatus, Double precinctConfidence,
                             List<ReviewReason> precinctReasons, Box signatureBox) {

    public ProtocolResult {
        precinctReasons = precinctReasons == null ? List.of() : List.copyOf(precinctReasons);
    }

    public ProtocolResult(String form, String lang, String precinct, String address,
                          Map<String, FieldResult> fields, List<CheckResult> checks, List<Flag> flags,
                          ProtocolStatus status, FieldStatus precinctStatus, Double precinctConfidence,
                          List<ReviewReason> precinctReasons) {
        this(form, lang, precinct, address, fields, checks, flags, status, precinctStatus, precinctConfidence,
                precinctReasons, null);
    }

    public List<CheckResult> failedChecks() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
