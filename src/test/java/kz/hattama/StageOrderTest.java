package kz.hattama;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data flows one way through the stages, so a stage may name only the shared leaves and the stages before it. A
 * back edge (say {@code ocr} naming a type of {@code reconcile}) ties an early stage to a late one, and the next
 * change to the late one breaks the early one. Read from the sources, so both an import and a qualified name in the
 * code count; comments do not (a Javadoc may point the reader anywhere).
 */
class StageOrderTest {

    /**
     * The protocol model, the form, the settings, the number-words language and the template engine every HTML file
     * is written with: every stage may use them.
     */
    static final Set<String> LEAVES = Set.of("protocol", "form", "config", "numerals", "render");

    /**
     * The stages in the order data flows; each may name only those before it. The root package (the application
     * class) comes last. A new package must be placed here, or this test fails.
     */
    static final List<String> ORDER = List.of("ingest", "image", "layout", "ocr", "reconcile", "recognize", "store",
            "batch", "precinct", "official", "review", "export", "stats", "bundle", "users", "upload", "bot", "web", "cli", "");

    private static final Pattern MENTION = Pattern.compile("\\bkz\\.hattama\\.(?:([a-z]+)\\.)?[A-Z]");
    /** A comment, or a literal that may hold what looks like one; only comments are blanked. */
    private static final Pattern COMMENT_OR_LITERAL =
            Pattern.compile("/\\*[\\s\\S]*?\\*/|//[^\\n]*|\"\"\"[\\s\\S]*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\])*'");
    private static final Pattern PACKAGE = Pattern.compile("^package kz\\.hattama(?:\\.([a-z]+))?;", Pattern.MULTILINE);

    @Test
    void noStageNamesALaterStage() {
        assertThat(backEdges(Path.of("src/main/java/kz/hattama"))).isEmpty();
    }

    @Test
    void aBackEdgeIsFound(@TempDir Path tree) throws IOException {
        write(tree.resolve("ocr/Reader.java"), "package kz.hattama.ocr;\n\nimport kz.hattama.protocol.Box;\n"
                + "import kz.hattama.store.ProtocolStore;\n\nclass Reader {}\n");
        write(tree.resolve("protocol/Box.java"), "package kz.hattama.protocol;\n\n"
                + "/** Drawn by {@link kz.hattama.web.Pages}. */\nrecord Box(kz.hattama.layout.Layout on) {}\n");
        write(tree.resolve("store/ProtocolStore.java"), "package kz.hattama.store;\n\nclass ProtocolStore {\n"
                + "    kz.hattama.image.Quad quad;\n}\n");
        write(tree.resolve("extra/Thing.java"), "package kz.hattama.extra;\n\nclass Thing {}\n");

        assertThat(backEdges(tree)).containsExactly(
                "extra/Thing.java: package extra is in no place of StageOrderTest.ORDER",
                "ocr/Reader.java: ocr names a later stage, store",
                "protocol/Box.java: protocol is a shared leaf and names a stage, layout");
    }

    /** Every mention, in the sources under {@code root}, of a package the file's own package may not name. */
    static List<String> backEdges(Path root) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String text = withoutComments(Files.readString(file));
                Matcher own = PACKAGE.matcher(text);
                String from = own.find() && own.group(1) != null ? own.group(1) : "";
                String where = root.relativize(file).toString().replace('\\', '/');
                found.addAll(violations(where, from, mentioned(text, from)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static String withoutComments(String source) {
        return COMMENT_OR_LITERAL.matcher(source)
                .replaceAll(m -> m.group().startsWith("/") ? " " : Matcher.quoteReplacement(m.group()));
    }

    private static Set<String> mentioned(String text, String from) {
        Set<String> packages = new TreeSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            String to = m.group(1) == null ? "" : m.group(1);
            if (!to.equals(from)) {
                packages.add(to);
            }
        }
        return packages;
    }

    private static List<String> violations(String where, String from, Set<String> mentioned) {
        List<String> out = new ArrayList<>();
        if (LEAVES.contains(from)) {
            mentioned.stream().filter(to -> !LEAVES.contains(to))
                    .forEach(to -> out.add(where + ": " + from + " is a shared leaf and names a stage, " + to));
            return out;
        }
        int rank = ORDER.indexOf(from);
        if (rank < 0) {
            out.add(where + ": package " + from + " is in no place of StageOrderTest.ORDER");
            return out;
        }
        for (String to : mentioned) {
            if (LEAVES.contains(to)) {
                continue;
            }
            int toRank = ORDER.indexOf(to);
            if (toRank < 0) {
                out.add(where + ": " + from + " names " + to + ", which is in no place of StageOrderTest.ORDER");
            } else if (toRank > rank) {
                out.add(where + ": " + from + " names a later stage, " + to);
            }
        }
        return out;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
