package kz.hattama.layout;

import org.opencv.core.Rect;

/**
 * Where one figure is written on the normalized page.
 *
 * @param digits   the figure in digits: above the short rule, or the table's digits cell
 * @param words    the figure in words: above the long rule, or the table's words cell
 * @param box      the whole field (label, both entries and the hints under them; a table row)
 * @param anchored whether the field's printed label was read next to these zones; false where
 *                 they were placed by the rulings alone (the label unreadable or covered), which
 *                 is a guess a person must confirm
 */
public record FieldZones(Rect digits, Rect words, Rect box, boolean anchored) {
}
