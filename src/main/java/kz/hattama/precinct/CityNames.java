package kz.hattama.precinct;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The city a protocol was counted in, from its printed address, under one name whatever the protocol's language:
 * «г. Уральск, …» and «Орал қаласы, …» are the same column of the results table.
 */
public final class CityNames {

    private static final String BUILT_IN = "city-names.csv";

    /**
     * «г. Семей», «г.Семей», «город Семей», «гор. Семей»: the name runs to the next comma. «город» must end its word,
     * or «Городская больница» would be a city.
     */
    private static final Pattern RUSSIAN = Pattern.compile("(?:^|[\\s,(])(?:г\\.|гор\\.|город(?=\\s))\\s*([^,;()]+)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** «Семей қаласы», «Семей қ.»: the name is the segment before the word. */
    private static final Pattern KAZAKH = Pattern.compile("([^,;()]+?)\\s+(?:қаласы|қ\\.)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final Map<String, String> canonical = new HashMap<>();

    private CityNames() {
    }

    /** The built-in names, plus those of {@code extra} (same format) when given. */
    public static CityNames load(Path extra) {
        CityNames names = new CityNames();
        try (InputStream in = CityNames.class.getResourceAsStream(BUILT_IN)) {
            names.add(new InputStreamReader(in, StandardCharsets.UTF_8));
            if (extra != null) {
                try (Reader r = Files.newBufferedReader(extra, StandardCharsets.UTF_8)) {
                    names.add(r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read city names" + (extra == null ? "" : " from " + extra), e);
        }
        return names;
    }

    public static CityNames builtIn() {
        return load(null);
    }

    private void add(Reader reader) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] names = l.split(",");
            String name = names[0].strip();
            for (String alias : names) {
                canonical.put(fold(alias), name);
            }
        }
    }

    /** The city named in a printed address, under its canonical name; null when the address names none. */
    public String fromAddress(String address) {
        if (address == null) {
            return null;
        }
        for (Pattern p : new Pattern[]{RUSSIAN, KAZAKH}) {
            Matcher m = p.matcher(address);
            if (m.find()) {
                String name = m.group(1).strip();
                if (!name.isEmpty()) {
                    return canonical(name);
                }
            }
        }
        return null;
    }

    /** A city's canonical name; a name the list lacks is kept as written. Null stays null. */
    public String canonical(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        // A ruling or the page's edge read as a stroke at either end («| Ақтөбе») is no part of a name; other signs are
        // kept as printed (an export must show «@Город» as it was, made harmless, not changed).
        String stripped = name.replaceAll("^[\\s|¦/\\\\\\[\\]_!]+|[\\s|¦/\\\\\\[\\]_!]+$", "").replaceAll("\\s+", " ");
        if (stripped.isEmpty()) {
            return null;
        }
        return canonical.getOrDefault(fold(stripped), stripped);
    }

    /**
     * Case, «ё» and the Kazakh letters OCR often flattens (ө → о, қ → к …) do not tell two names apart, nor do
     * spaces around a hyphen.
     */
    public static String fold(String name) {
        String s = name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s*-\\s*", "-").replaceAll("\\s+", " ");
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(switch (c) {
                case 'ё' -> 'е';
                case 'ә' -> 'а';
                case 'ғ' -> 'г';
                case 'қ' -> 'к';
                case 'ң' -> 'н';
                case 'ө' -> 'о';
                case 'ұ', 'ү' -> 'у';
                case 'һ' -> 'х';
                case 'і' -> 'и';
                default -> c;
            });
        }
        return out.toString();
    }
}
