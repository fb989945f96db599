package kz.hattama.ocr;

import kz.hattama.form.Lang;
import org.opencv.core.Mat;

import java.util.List;

/** Several words readers as one, like {@link EnsembleDigitsReader}: what they agree on is believed more. */
public final class EnsembleWordsReader implements WordsZoneReader {

    private final List<WordsZoneReader> readers;

    public EnsembleWordsReader(List<WordsZoneReader> readers) {
        this.readers = List.copyOf(readers);
    }

    @Override
    public Reading read(Mat zone, Lang lang) {
        List<Reading> readings = readers.stream().map(r -> r.read(zone, lang)).toList();
        return new Reading(Looks.text(readings.stream().map(Reading::text).toList()),
                Looks.merge(readings.stream().map(Reading::candidates).toList(), WordsCandidates.MAX_CANDIDATES),
                readings.stream().map(Reading::evidence).filter(java.util.Objects::nonNull).findFirst().orElse(null));
    }
}
