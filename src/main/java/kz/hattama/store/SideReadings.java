package kz.hattama.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.hattama.protocol.PageReading;

/** A side's readings as stored in {@code side_page.reading}: kept whole, so that joining reconciles from the readings. */
final class SideReadings {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private SideReadings() {
    }

    static String write(PageReading reading) {
        try {
            return JSON.writeValueAsString(reading);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store a side's readings", e);
        }
    }

    static PageReading read(String json) {
        try {
            return JSON.readValue(json, PageReading.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored side's readings", e);
        }
    }
}
