package kz.hattama.ocr;

import kz.hattama.protocol.NumberCandidate;
import kz.hattama.ingest.Mats;
import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Digits through Tesseract with a digits-only character set. N-best numbers come from the
 * per-character alternatives Tesseract reports, combined as independent choices.
 */
public final class TesseractDigitsReader implements DigitsZoneReader {

    private static final int MAX_CANDIDATES = 6;
    private static final double MAX_SYMBOL = 0.97;
    /** Tesseract misses the first strokes of small slanted handwritten figures; at this height it reads them. */
    private static final int INK_HEIGHT = 56;

    private final TesseractOcr ocr;
    /** A reading with more digits than the form's largest figure has is no figure of the form. */
    private final int maxDigits;

    public TesseractDigitsReader(TesseractOcr ocr, int maxDigits) {
        this.ocr = ocr;
        this.maxDigits = maxDigits;
    }

    @Override
    public Reading read(Mat zone) {
        // Small slanted handwriting reads best scaled up, thin typed digits as written.
        Reading asWritten = read(ZoneCleaner.clean(zone));
        Reading scaled = read(ZoneCleaner.clean(zone, INK_HEIGHT));
        return new Reading(Looks.text(List.of(scaled.text(), asWritten.text())),
                Looks.merge(List.of(scaled.candidates(), asWritten.candidates()), MAX_CANDIDATES));
    }

    private Reading read(ZoneCleaner.Cleaned cleaned) {
        if (cleaned.isBlank()) {
            return Reading.NONE;
        }
        OcrLine line;
        try {
            line = ocr.read(cleaned.image(), OcrMode.DIGITS, "eng");
        } finally {
            Mats.release(cleaned.image());
        }
        String text = line.text().replaceAll("\\s+", "");
        if (text.isEmpty() || text.length() > maxDigits) {
            return new Reading(text, List.of());
        }
        return new Reading(text, candidates(line));
    }

    private List<NumberCandidate> candidates(OcrLine line) {
        record Partial(String digits, double p) {
        }
        List<Partial> beam = new ArrayList<>(List.of(new Partial("", 1.0)));
        for (List<SymbolChoice> symbol : line.symbols()) {
            List<SymbolChoice> digitChoices = symbol.stream().filter(c -> c.text().matches("\\d")).toList();
            if (digitChoices.isEmpty()) {
                continue;
            }
            double total = digitChoices.stream().mapToDouble(c -> Math.max(c.confidence(), 1)).sum();
            List<Partial> next = new ArrayList<>();
            for (Partial p : beam) {
                for (SymbolChoice c : digitChoices) {
                    // Tesseract's symbol confidences run high: a lone choice at 99 is still wrong
                    // now and then, so none counts for more than MAX_SYMBOL.
                    next.add(new Partial(p.digits() + c.text(), p.p() * Math.max(c.confidence(), 1) / total
                            * Math.min(MAX_SYMBOL, symbol.get(0).confidence() / 100.0)));
                }
            }
            next.sort(Comparator.comparingDouble(Partial::p).reversed());
            beam = next.subList(0, Math.min(next.size(), MAX_CANDIDATES * 2));
        }
        List<NumberCandidate> out = new ArrayList<>();
        for (Partial p : beam) {
            if (p.digits().isEmpty() || p.digits().length() > maxDigits) {
                continue;
            }
            int v = Integer.parseInt(p.digits());
            if (out.stream().noneMatch(c -> c.value() == v)) {
                out.add(new NumberCandidate(v, p.p()));
            }
            if (out.size() == MAX_CANDIDATES) {
                break;
            }
        }
        return out;
    }
}
