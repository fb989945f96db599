package kz.hattama.bundle;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a PDF from the top of a page down: wrapped text, headings and tables whose cells hold wrapped text or an
 * image scaled to fit, turning to a new page when the next line or row would not fit. Nothing is drawn off the page:
 * a word wider than its column is broken, and a text taller than a whole page is cut short with «…».
 *
 * <p>The fonts are DejaVu Sans, embedded: the 14 standard PDF fonts have no Cyrillic, no Kazakh letters and no «≠».
 * A character DejaVu lacks (an emoji, a Chinese character in a reason or an address) is drawn as '?' rather than
 * failing the document it is in.
 */
final class PdfCursor {

    static final PDRectangle PORTRAIT = PDRectangle.A4;
    static final PDRectangle LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    static final Color INK = new Color(0x1d2330);
    static final Color MUTED = new Color(0x6b7280);
    private static final Color RULE = new Color(0xd5dbe3);
    private static final float MARGIN = 36;
    /** The footer's band at the foot of every page, below the content. */
    private static final float FOOTER = 18;
    private static final float LEADING = 1.3f;
    private static final float PAD = 3;
    private static final String ELLIPSIS = "…";
    /** Lines a table's header may take: a header is a few words, so more is a mistake better cut than printed. */
    private static final int HEADER_LINES = 3;
    /** Room a heading wants below itself, so that it does not end a page alone. */
    private static final float KEEP_WITH_HEADING = 48;

    /** A piece of text in one font and color; a '\n' in it ends the line. */
    record Run(String text, boolean bold, Color color) {
    }

    /**
     * A table cell: text (right-aligned for figures) or an image at most {@code imageHeight} tall, on the row's
     * background unless shaded.
     */
    record Cell(List<Run> text, PDImageXObject image, float imageHeight, boolean rightAligned, Color shade) {

        static Cell text(List<Run> runs) {
            return new Cell(runs, null, 0, false, null);
        }

        static Cell text(String s, boolean bold) {
            return text(List.of(new Run(s, bold, INK)));
        }

        static Cell image(PDImageXObject image, float maxHeight) {
            return new Cell(List.of(), image, maxHeight, false, null);
        }

        Cell right() {
            return new Cell(text, image, imageHeight, true, shade);
        }

        Cell shaded(Color c) {
            return new Cell(text, image, imageHeight, rightAligned, c);
        }
    }

    private record Piece(String text, PDFont font, Color color, float width) {
    }

    /** Text between two places a line may end: after a space ({@code spaced}), a line end, or a hyphen. */
    private record Word(List<Piece> pieces, boolean spaced, boolean newLine) {
    }

    private record Line(List<Piece> pieces, float width) {
    }

    private final PDDocument doc;
    private final PDFont regular;
    private final PDFont bold;
    private final Map<PDFont, Map<Integer, Boolean>> drawable = new HashMap<>();
    private PDPageContentStream out;
    private PDRectangle size;
    private float y;

    PdfCursor(PDDocument doc) throws IOException {
        this.doc = doc;
        this.regular = font(doc, "DejaVuSans.ttf");
        this.bold = font(doc, "DejaVuSans-Bold.ttf");
    }

    private static PDFont font(PDDocument doc, String name) throws IOException {
        try (InputStream in = PdfCursor.class.getResourceAsStream("fonts/ttf/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath: the build unpacks it from the npm "
                        + "package dejavu-fonts-ttf (mvn generate-resources)");
            }
            return PDType0Font.load(doc, in);
        }
    }

    /** Starts a page of this size; what follows is written from its top. */
    void newPage(PDRectangle pageSize) throws IOException {
        closePage();
        PDPage page = new PDPage(pageSize);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        size = pageSize;
        y = pageSize.getHeight() - MARGIN;
    }

    /** Width text and tables may take on the current page. */
    private float width() {
        return size.getWidth() - 2 * MARGIN;
    }

    private float bottom() {
        return MARGIN + FOOTER;
    }

    /** Height of an empty page's writing area. */
    private float pageHeight() {
        return size.getHeight() - MARGIN - bottom();
    }

    private void room(float height) throws IOException {
        if (y - height < bottom()) {
            newPage(size);
        }
    }

    void gap(float points) {
        y -= points;
    }

    /** A heading, kept on one page with the next few lines of text. */
    void heading(String text, float fontSize) throws IOException {
        List<Line> lines = wrap(List.of(new Run(text, true, INK)), fontSize, width(), Integer.MAX_VALUE);
        room(Math.min(pageHeight(), lines.size() * fontSize * LEADING + KEEP_WITH_HEADING));
        paragraph(lines, fontSize, MARGIN);
        gap(fontSize * 0.3f);
    }

    void paragraph(List<Run> runs, float fontSize) throws IOException {
        paragraph(wrap(runs, fontSize, width(), Integer.MAX_VALUE), fontSize, MARGIN);
        gap(fontSize * 0.5f);
    }

    /** A list item: a bullet, then the text indented under itself. */
    void item(List<Run> runs, float fontSize) throws IOException {
        float indent = fontSize * 1.2f;
        List<Line> lines = wrap(runs, fontSize, width() - indent, Integer.MAX_VALUE);
        room(fontSize * LEADING);
        Color color = runs.isEmpty() ? INK : runs.get(0).color();
        draw(new Line(List.of(piece("•", regular, color, fontSize)), 0), MARGIN, y - fontSize, fontSize);
        paragraph(lines, fontSize, MARGIN + indent);
        gap(fontSize * 0.15f);
    }

    private void paragraph(List<Line> lines, float fontSize, float x) throws IOException {
        for (Line line : lines) {
            room(fontSize * LEADING);
            draw(line, x, y - fontSize, fontSize);
            y -= fontSize * LEADING;
        }
    }

    /** Starts a table whose columns share the page's width in proportion to {@code weights}. */
    Table table(float fontSize, float... weights) {
        return new Table(fontSize, weights);
    }

    /**
     * Rows drawn as they are added; the header is drawn again at the top of each page the table goes on to. A text
     * cell is cut short with «…» where it would make its row taller than a page.
     */
    final class Table {
        private final float fontSize;
        private final float[] widths;
        private List<Cell> header;
        private boolean started;

        private Table(float fontSize, float[] weights) {
            this.fontSize = fontSize;
            float sum = 0;
            for (float w : weights) {
                sum += w;
            }
            widths = new float[weights.length];
            for (int i = 0; i < weights.length; i++) {
                widths[i] = width() * weights[i] / sum;
            }
        }

        Table header(List<String> names, Color shade) {
            header = names.stream().map(n -> Cell.text(n, true).shaded(shade)).toList();
            return this;
        }

        Table row(Color background, Cell... cells) throws IOException {
            return row(background, Arrays.asList(cells));
        }

        Table row(Color background, List<Cell> cells) throws IOException {
            float headerHeight = header == null ? 0 : height(header, HEADER_LINES);
            int most = Math.max(1, (int) ((pageHeight() - headerHeight - 2 * PAD) / (fontSize * LEADING)));
            float height = height(cells, most);
            if (!started || y - height < bottom()) {
                if (started || y - headerHeight - height < bottom()) {
                    newPage(size);
                }
                if (header != null) {
                    drawRow(header, null, HEADER_LINES, headerHeight);
                }
                started = true;
            }
            drawRow(cells, background, most, height);
            return this;
        }

        /** Ends the table with the space a paragraph leaves. */
        void end() {
            gap(fontSize);
        }

        private float height(List<Cell> cells, int maxLines) throws IOException {
            float h = 0;
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                float inner = c.image() != null ? imageSize(c, widths[i])[1]
                        : wrap(c.text(), fontSize, widths[i] - 2 * PAD, maxLines).size() * fontSize * LEADING;
                h = Math.max(h, inner + 2 * PAD);
            }
            return h;
        }

        /** Width and height of the cell's image, as large as the column and its height allow. */
        private float[] imageSize(Cell c, float columnWidth) {
            PDImageXObject image = c.image();
            float scale = Math.min((columnWidth - 2 * PAD) / image.getWidth(),
                    Math.min(c.imageHeight(), pageHeight() / 2) / image.getHeight());
            return new float[]{image.getWidth() * scale, image.getHeight() * scale};
        }

        private void drawRow(List<Cell> cells, Color background, int maxLines, float height) throws IOException {
            float x = MARGIN;
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                float w = widths[i];
                Color fill = c.shade() != null ? c.shade() : background;
                if (fill != null) {
                    out.setNonStrokingColor(fill);
                    out.addRect(x, y - height, w, height);
                    out.fill();
                }
                out.setStrokingColor(RULE);
                out.setLineWidth(0.5f);
                out.addRect(x, y - height, w, height);
                out.stroke();
                if (c.image() != null) {
                    float[] s = imageSize(c, w);
                    out.drawImage(c.image(), x + PAD, y - (height + s[1]) / 2, s[0], s[1]);
                } else {
                    List<Line> lines = wrap(c.text(), fontSize, w - 2 * PAD, maxLines);
                    float top = y - (height - lines.size() * fontSize * LEADING) / 2;
                    for (Line line : lines) {
                        float left = c.rightAligned() ? x + w - PAD - line.width() : x + PAD;
                        draw(line, left, top - fontSize, fontSize);
                        top -= fontSize * LEADING;
                    }
                }
                x += w;
            }
            y -= height;
        }
    }

    /** Writes {@code footer} and the page's number at the foot of every page, and ends the last one. */
    void finish(String footer) throws IOException {
        closePage();
        int n = doc.getNumberOfPages();
        float fontSize = 7;
        for (int i = 0; i < n; i++) {
            PDPage page = doc.getPage(i);
            size = page.getMediaBox();
            try (PDPageContentStream s = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                out = s;
                Line number = line(new Run("page " + (i + 1) + " of " + n, false, MUTED), fontSize, width());
                draw(line(new Run(footer, false, MUTED), fontSize, width() - number.width() - 12), MARGIN, MARGIN, fontSize);
                draw(number, size.getWidth() - MARGIN - number.width(), MARGIN, fontSize);
            }
        }
        out = null;
    }

    /** The run on one line, ellipsized when it is longer. */
    private Line line(Run run, float fontSize, float width) throws IOException {
        List<Line> lines = wrap(List.of(run), fontSize, width, 1);
        return lines.isEmpty() ? new Line(List.of(), 0) : lines.get(0);
    }

    private void closePage() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    private void draw(Line line, float x, float baseline, float fontSize) throws IOException {
        if (line.pieces().isEmpty()) {
            return;
        }
        out.beginText();
        out.newLineAtOffset(x, baseline);
        for (Piece p : line.pieces()) {
            out.setFont(p.font(), fontSize);
            out.setNonStrokingColor(p.color());
            out.showText(p.text());
        }
        out.endText();
    }

    /**
     * Lines of at most {@code width} points, broken at spaces and after hyphens (within a word only where the word
     * alone is wider), at most {@code maxLines} of them, the last ending in «…» when text was left out.
     */
    private List<Line> wrap(List<Run> runs, float fontSize, float width, int maxLines) throws IOException {
        List<Line> lines = new ArrayList<>();
        List<Piece> line = new ArrayList<>();
        float lineWidth = 0;
        Piece space = piece(" ", regular, INK, fontSize);
        for (Word w : words(runs, fontSize)) {
            float ww = sum(w.pieces());
            float joint = w.spaced() ? space.width() : 0;
            boolean fits = line.isEmpty() ? ww <= width : lineWidth + joint + ww <= width;
            if (!line.isEmpty() && (w.newLine() || !fits)) {
                lines.add(new Line(line, lineWidth));
                line = new ArrayList<>();
                lineWidth = 0;
                fits = ww <= width;
            }
            if (fits) {
                if (!line.isEmpty() && joint > 0) {
                    line.add(space);
                    lineWidth += joint;
                }
                line.addAll(w.pieces());
                lineWidth += ww;
                continue;
            }
            // A word wider than the line (a hash, a long name) is broken wherever the line is full.
            for (Piece p : w.pieces()) {
                StringBuilder chunk = new StringBuilder();
                for (int cp : p.text().codePoints().toArray()) {
                    String ch = Character.toString(cp);
                    float cw = p.font().getStringWidth(ch) / 1000 * fontSize;
                    if (lineWidth > 0 && lineWidth + cw > width) {
                        if (chunk.length() > 0) {
                            line.add(piece(chunk.toString(), p.font(), p.color(), fontSize));
                            chunk.setLength(0);
                        }
                        lines.add(new Line(line, lineWidth));
                        line = new ArrayList<>();
                        lineWidth = 0;
                    }
                    chunk.append(ch);
                    lineWidth += cw;
                }
                if (chunk.length() > 0) {
                    line.add(piece(chunk.toString(), p.font(), p.color(), fontSize));
                }
            }
        }
        if (!line.isEmpty()) {
            lines.add(new Line(line, lineWidth));
        }
        if (lines.size() > maxLines) {
            List<Line> kept = new ArrayList<>(lines.subList(0, maxLines));
            kept.set(maxLines - 1, ellipsized(kept.get(maxLines - 1), width, fontSize));
            return kept;
        }
        return lines;
    }

    /**
     * The text cut where a line may end: at spaces, line ends and after a hyphen inside a word. A word may change font
     * or color on the way (a bold figure and its full stop).
     */
    private List<Word> words(List<Run> runs, float fontSize) throws IOException {
        List<Word> words = new ArrayList<>();
        List<Piece> word = new ArrayList<>();
        boolean spaced = false;
        boolean newLine = false;
        for (Run run : runs) {
            PDFont font = run.bold() ? bold : regular;
            String text = drawable(run.text(), font);
            StringBuilder part = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean hyphen = c == '-' && part.length() > 0 && i + 1 < text.length()
                        && text.charAt(i + 1) != ' ' && text.charAt(i + 1) != '\n';
                if (c != ' ' && c != '\n' && !hyphen) {
                    part.append(c);
                    continue;
                }
                if (hyphen) {
                    part.append(c);
                }
                if (part.length() > 0) {
                    word.add(piece(part.toString(), font, run.color(), fontSize));
                    part.setLength(0);
                }
                if (!word.isEmpty()) {
                    words.add(new Word(word, spaced, newLine));
                    word = new ArrayList<>();
                    spaced = false;
                    newLine = false;
                }
                spaced |= c == ' ';
                newLine |= c == '\n';
            }
            if (part.length() > 0) {
                word.add(piece(part.toString(), font, run.color(), fontSize));
            }
        }
        if (!word.isEmpty()) {
            words.add(new Word(word, spaced, newLine));
        }
        return words;
    }

    private static float sum(List<Piece> pieces) {
        float w = 0;
        for (Piece p : pieces) {
            w += p.width();
        }
        return w;
    }

    /** The line, shortened from its end until «…» fits after it. */
    private Line ellipsized(Line line, float width, float fontSize) throws IOException {
        List<Piece> pieces = new ArrayList<>(line.pieces());
        Color color = pieces.isEmpty() ? INK : pieces.get(pieces.size() - 1).color();
        Piece dots = piece(ELLIPSIS, regular, color, fontSize);
        while (!pieces.isEmpty() && sum(pieces) + dots.width() > width) {
            Piece last = pieces.remove(pieces.size() - 1);
            String t = last.text();
            if (t.length() > 1) {
                int cut = t.offsetByCodePoints(t.length(), -1);
                pieces.add(piece(t.substring(0, cut), last.font(), last.color(), fontSize));
            }
        }
        pieces.add(dots);
        return new Line(pieces, sum(pieces));
    }

    private Piece piece(String text, PDFont font, Color color, float fontSize) throws IOException {
        return new Piece(text, font, color, font.getStringWidth(text) / 1000 * fontSize);
    }

    /**
     * The text with every character the font cannot draw replaced by '?', and every other space or control
     * character by a space; line ends are kept.
     */
    private String drawable(String text, PDFont font) {
        StringBuilder b = new StringBuilder(text.length());
        Map<Integer, Boolean> known = drawable.computeIfAbsent(font, f -> new HashMap<>());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                b.append('\n');
            } else if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                b.append(' ');
            } else if (known.computeIfAbsent(cp, c -> encodes(font, c))) {
                b.appendCodePoint(cp);
            } else {
                b.append('?');
            }
        });
        return b.toString();
    }

    private static boolean encodes(PDFont font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
