package kz.hattama.ocr;

import kz.hattama.form.FormDefinition;
import kz.hattama.form.Lang;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interprets the OCR text of a protocol's header: its language, the precinct number (where the form's precinct line
 * says it is, {@link PrecinctPattern}, else beside the form's header anchor) and the address below it. Pure text
 * work, so it is tested without images. The number found here only places the address; the precinct number itself
 * is read and judged by {@link PrecinctReader}.
 */
public final class HeaderParser {

    /** «№» is often read as N, No, Ne, N°, Nº, M or Mo by OCR. */
    private static final Pattern NUMBER_SIGN = Pattern.compile("(?:№|N[oо°º]?|Ne|Nе|М[оo]?|M[oо]?)\\s*[.:]?\\s*(\\d{1,5})\\b");
    private static final Pattern KAZAKH_LETTERS = Pattern.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]");
    private static final Pattern STANDALONE_NUMBER = Pattern.compile("(?<![\\d/])(\\d{1,4})(?![\\d/])");

    private final FormDefinition form;

    public HeaderParser(FormDefinition form) {
        this.form = form;
    }

    public HeaderReading parse(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        Lang lang = language(text);
        int precinctLine = -1;
        String precinct = null;
        // The line that matches the form's own precinct line best; the looser search below only where none does.
        PrecinctPattern pattern = PrecinctPattern.of(form, lang);
        int bestMatched = 0;
        for (int i = 0; i < lines.size(); i++) {
            var m = pattern.find(List.of(lines.get(i).split("\\s+")));
            if (m.isPresent() && m.get().anchored() && m.get().matched() > bestMatched) {
                bestMatched = m.get().matched();
                precinct = m.get().number();
                precinctLine = i;
            }
        }
        String anchor = form.header().anchor().get(lang.code());
        for (int i = 0; i < lines.size() && precinct == null; i++) {
            String line = lines.get(i);
            Matcher m = NUMBER_SIGN.matcher(line);
            boolean anchored = anchor != null && fold(line).contains(fold(anchor));
            if (m.find() && (anchored || !line.contains("/"))) {
                if (anchored || precinctLine < 0) {
                    precinct = strip(m.group(1));
                    precinctLine = i;
                }
            } else if (anchored) {
                Matcher n = STANDALONE_NUMBER.matcher(line);
                if (n.find()) {
                    precinct = strip(n.group(1));
                    precinctLine = i;
                }
            }
        }
        String address = precinctLine < 0 ? null : address(lines, precinctLine, lang);
        return new HeaderReading(lang, precinct, address, text);
    }

    private Lang language(String text) {
        int kk = 0;
        int ru = 0;
        String folded = fold(text);
        for (String marker : form.markers().getOrDefault("kk", List.of())) {
            kk += folded.contains(fold(marker)) ? 2 : 0;
        }
        for (String marker : form.markers().getOrDefault("ru", List.of())) {
            ru += folded.contains(fold(marker)) ? 2 : 0;
        }
        Matcher m = KAZAKH_LETTERS.matcher(text);
        while (m.find()) {
            kk++;
        }
        return kk > ru ? Lang.KK : Lang.RU;
    }

    private String address(List<String> lines, int precinctLine, Lang lang) {
        for (int i = precinctLine + 1; i < lines.size(); i++) {
            String folded = fold(lines.get(i));
            boolean formText = form.markers().getOrDefault(lang.code(), List.of()).stream()
                    .anyMatch(m -> folded.contains(fold(m)))
                    || form.header().notAddress().stream().anyMatch(w -> folded.contains(fold(w)));
            if (!formText && lines.get(i).length() >= 8) {
                return lines.get(i);
            }
        }
        return null;
    }

    private static String strip(String digits) {
        String s = digits.replaceFirst("^0+(?=\\d)", "");
        return s;
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
