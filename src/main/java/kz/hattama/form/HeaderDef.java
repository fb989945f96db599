package kz.hattama.form;

import java.util.List;
import java.util.Map;

/**
 * What the header's text is recognised by, beyond the form's precinct line.
 *
 * @param anchor     per language, the stem of the precinct line's word that survives OCR best («участк» of
 *                   «участок», «учаске» of «учаскесі»): a line with it and a number is the precinct line when the
 *                   form's whole precinct line was not found
 * @param notAddress stems of the form's own printed words that mark a line under the precinct line as not the
 *                   address, whatever the language the header was taken for (beside the form's markers)
 */
public record HeaderDef(Map<String, String> anchor, List<String> notAddress) {

    public static final HeaderDef NONE = new HeaderDef(Map.of(), List.of());

    public HeaderDef {
        anchor = anchor == null ? Map.of() : anchor;
        notAddress = notAddress == null ? List.of() : notAddress;
    }
}
