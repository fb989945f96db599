package kz.hattama.ocr;

import org.opencv.core.Mat;

import java.util.List;

/**
 * Several digit readers as one: the trained recogniser and Tesseract err on different strokes,
 * so the value they agree on is believed more than either alone.
 */
public final class EnsembleDigitsReader implements DigitsZoneReader {

    private static final int MAX_CANDIDATES = 6;

    private final List<DigitsZoneReader> readers;

    public EnsembleDigitsReader(List<DigitsZoneReader> readers) {
        this.readers = List.copyOf(readers);
    }

    @Override
    public Reading read(Mat zone) {
        List<Reading> readings = readers.stream().map(r -> r.read(zone)).toList();
        return new Reading(Looks.text(readings.stream().map(Reading::text).toList()),
                Looks.merge(readings.stream().map(Reading::candidates).toList(), MAX_CANDIDATES));
    }
}
