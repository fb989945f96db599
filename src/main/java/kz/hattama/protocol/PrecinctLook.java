package kz.hattama.protocol;

/**
 * One independent reading of the precinct number. A protocol prints its number in more than one place (the header;
 * on a sheet printed on both sides also side 2's running head; often the commission's seal), and each place can be
 * read by more than one reader: every such reading is a look, and the number is accepted only when the looks agree.
 *
 * @param origin     where on the protocol the number was read
 * @param reader     which reader looked (e.g. "tesseract-block", "digits-model"), for the reviewer and for tuning
 * @param value      the number as read, digits without leading zeros; null when this look found no number
 * @param confidence the reader's own probability of {@code value} (0..1); 0 when nothing was read
 * @param anchored   whether the form's printed words around the number («№», «участку», «сайлау учаскесі») were
 *                   found where the form puts them, so that the number is the precinct's and not another figure
 * @param clear      whether the number's place held nothing but the figure read: a stain, a seal's ink or a pen stroke
 *                   beside it may hide a digit that no reader saw (463 read as 63 by every look)
 */
public record PrecinctLook(Origin origin, String reader, String value, double confidence, boolean anchored,
                           boolean clear) {

    public PrecinctLook(Origin origin, String reader, String value, double confidence, boolean anchored) {
        this(origin, reader, value, confidence, anchored, true);
    }

    /** Where a protocol prints its precinct number. */
    public enum Origin { HEADER, RUNNING_HEAD, SEAL }

    public static PrecinctLook nothing(Origin origin, String reader) {
        return new PrecinctLook(origin, reader, null, 0, false, true);
    }
}
