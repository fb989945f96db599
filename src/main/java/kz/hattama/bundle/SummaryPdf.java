package kz.hattama.bundle;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

/**
 * {@code summary.pdf} of an evidence bundle: the summary on A4 sheets an observer prints and files with a complaint,
 * laid out by openhtmltopdf from the same template as {@code summary.html}. The particulars and the checks are on
 * portrait pages; the figures table, as wide as the crops need to be legible, starts on landscape pages (a named
 * {@code @page}). Long texts wrap and long tables go on over the next sheet, so nothing is drawn off the paper.
 *
 * <p>The font is DejaVu Sans, embedded: the standard PDF fonts lack Cyrillic, Kazakh letters and «≠». A character it
 * lacks (an emoji, a Chinese character in a reason or an address) is printed as '?', so that the sheet shows where
 * something was left out rather than a blank.
 */
final class SummaryPdf {

    private static final String FAMILY = "DejaVu Sans";
    private static final String REGULAR = "fonts/ttf/DejaVuSans.ttf";
    private static final String BOLD = "fonts/ttf/DejaVuSans-Bold.ttf";

    /** The characters the embedded font draws; read once. */
    private static CmapLookup glyphs;

    static {
        // openhtmltopdf says at INFO what it loads and lays out, on standard error: only its warnings concern a user.
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    private SummaryPdf() {
    }

    /** @param files the bundle's entries by name, the crops among them */
    static byte[] pdf(Summary s, Function<String, byte[]> files) throws IOException {
        Map<String, String> crops = new HashMap<>();
        for (Summary.Figure f : s.figures()) {
            byte[] png = f.crop() == null ? null : files.apply(f.crop());
            if (png != null && ImageIO.read(new ByteArrayInputStream(png)) != null) {
                crops.put(f.key(), "data:image/png;base64," + Base64.getEncoder().encodeToString(png));
            }
        }
        String html = printable(SummaryHtml.render(s, true, crops));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder pdf = new PdfRendererBuilder();
        pdf.useFastMode();
        pdf.withProducer("Hattama");
        pdf.useFont(() -> font(REGULAR), FAMILY, 400, FontStyle.NORMAL, true);
        pdf.useFont(() -> font(BOLD), FAMILY, 700, FontStyle.NORMAL, true);
        pdf.withHtmlContent(html, null);
        pdf.toStream(out);
        pdf.run();
        return out.toByteArray();
    }

    /** The markup with every character the font cannot draw made '?'; the markup itself is ASCII. */
    static String printable(String html) throws IOException {
        CmapLookup drawable = glyphs();
        StringBuilder out = new StringBuilder(html.length());
        html.codePoints().forEach(c -> {
            if (c < 0x80 || drawable.getGlyphId(c) != 0) {
                out.appendCodePoint(c);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static synchronized CmapLookup glyphs() throws IOException {
        if (glyphs == null) {
            try (InputStream in = font(REGULAR)) {
                TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
                glyphs = ttf.getUnicodeCmapLookup();
            }
        }
        return glyphs;
    }

    private static InputStream font(String name) {
        InputStream in = SummaryPdf.class.getResourceAsStream(name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("DejaVu Sans is missing from the classpath (" + name
                    + "); the Maven build puts it there: run mvn process-resources"));
        }
        return in;
    }
}
