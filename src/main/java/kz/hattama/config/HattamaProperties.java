package kz.hattama.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import kz.hattama.form.FormLoader;

import java.nio.file.Path;

/**
 * Every setting of Hattama. Each is also an environment variable: {@code hattama.max-file-mb}
 * is {@code HATTAMA_MAX_FILE_MB}, and so on (Spring's relaxed binding). Documented in the README.
 *
 * @param form          the form definition file ({@code HATTAMA_FORM})
 * @param tessdata      folder with rus, kaz and eng .traineddata ({@code HATTAMA_TESSDATA})
 * @param workers       recognition threads; 0 means one per core ({@code HATTAMA_WORKERS})
 * @param maxFileMb     larger uploads are rejected as TOO_LARGE ({@code HATTAMA_MAX_FILE_MB})
 * @param maxPdfPages   pages read from one PDF at most ({@code HATTAMA_MAX_PDF_PAGES})
 * @param pdfDpi        resolution PDF pages are rendered at ({@code HATTAMA_PDF_DPI})
 * @param minImageSide  pictures smaller than this on their short side are TOO_SMALL ({@code HATTAMA_MIN_IMAGE_SIDE})
 * @param verifyDigits  least probability of the digits reading for a field to be VERIFIED ({@code HATTAMA_VERIFY_DIGITS})
 * @param verifyWords   least probability of the words reading for a field to be VERIFIED ({@code HATTAMA_VERIFY_WORDS})
 * @param verifyDoubt   most chance that two agreeing readings are both wrong, (1 - digits)(1 - words), for a
 *                      field to be VERIFIED ({@code HATTAMA_VERIFY_DOUBT})
 * @param verifyWordsCheck least posterior, under the words zone alone, of the figure the digits show, against every
 *                      number one slip away, for an agreeing field to be VERIFIED however rough the words' free reading
 *                      ({@code HATTAMA_VERIFY_WORDS_CHECK})
 * @param verifyPrecinct least confidence of the precinct number (one minus the geometric mean of its looks' errors)
 *                      for it to be VERIFIED; the looks must also all agree ({@code HATTAMA_VERIFY_PRECINCT})
 * @param verifyWeakWordsCheck the same least posterior for a field that takes part in no equality check of the form
 *                      (only in inequalities, which a figure from a neighbouring line still passes); the words check
 *                      is then always required ({@code HATTAMA_VERIFY_WEAK_WORDS_CHECK})
 */
@ConfigurationProperties("hattama")
public record HattamaProperties(Path form, Path tessdata, int workers, int maxFileMb, int maxPdfPages, int pdfDpi,
                                int minImageSide, double verifyDigits, double verifyWords, double verifyDoubt,
                                double verifyWordsCheck, double verifyPrecinct, double verifyWeakWordsCheck) {

    /**
     * The default of {@code verifyPrecinct}: four looks that agree, each about as sure as Tesseract ever says it is of a
     * printed figure.
     */
    public static final double DEFAULT_VERIFY_PRECINCT = 0.9;

    public HattamaProperties {
        form = form == null ? FormLoader.BUILT_IN : form;
        tessdata = tessdata == null ? Path.of("tessdata") : tessdata;
        maxFileMb = maxFileMb <= 0 ? 50 : maxFileMb;
        maxPdfPages = maxPdfPages <= 0 ? 10 : maxPdfPages;
        pdfDpi = pdfDpi <= 0 ? 200 : pdfDpi;
        minImageSide = minImageSide <= 0 ? 600 : minImageSide;
        verifyDigits = verifyDigits <= 0 ? 0.20 : verifyDigits;
        verifyWords = verifyWords <= 0 ? 0.20 : verifyWords;
        verifyDoubt = verifyDoubt <= 0 ? 0.10 : verifyDoubt;
        verifyWordsCheck = verifyWordsCheck <= 0 ? 0.995 : verifyWordsCheck;
        verifyPrecinct = verifyPrecinct <= 0 ? DEFAULT_VERIFY_PRECINCT : verifyPrecinct;
        verifyWeakWordsCheck = verifyWeakWordsCheck <= 0 ? 0.9999 : verifyWeakWordsCheck;
    }

    /** Every setting at its default, for tools and tests that run without Spring. */
    public static HattamaProperties defaults() {
        return new HattamaProperties(null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public int effectiveWorkers() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }

    public long maxFileBytes() {
        return maxFileMb * 1024L * 1024L;
    }
}
