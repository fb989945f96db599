package kz.hattama.ocr;

import kz.hattama.form.Lang;

/** What the header says: the form's language, the precinct number and the address (null where unread). */
public record HeaderReading(Lang lang, String precinct, String address, String text) {
}
