package kz.hattama.bundle;

import kz.hattama.bundle.PdfCursor.Cell;
import kz.hattama.bundle.PdfCursor.Run;
import kz.hattama.bundle.Summary.Figure;
import kz.hattama.bundle.Summary.Text;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code summary.pdf} of an evidence bundle: the summary on A4 sheets an observer prints and files with a complaint.
 * The particulars and the checks are on portrait pages; the figures table, as wide as the crops need to be legible,
 * starts on landscape pages.
 */
final class SummaryPdf {

    private static final Color FAIL = new Color(0xb91c1c);
    private static final Color OK = new Color(0x15803d);
    private static final Color HEAD = new Color(0xeef2f6);
    private static final Color CHANGED = new Color(0xfff7ed);
    private static final float TEXT = 9.5f;
    private static final float TABLE = 8;
    /**
     * Tallest a crop is drawn. Crops are wide strips, so the column's width decides their size; this keeps an odd tall
     * box from taking the row.
     */
    private static final float CROP_HEIGHT = 40;

    private SummaryPdf() {
    }

    /** @param files the bundle's entries by name, the crops among them */
    static byte[] pdf(Summary s, Function<String, byte[]> files) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(s.documentTitle());
            info.setCreator("Hattama");
            PdfCursor pdf = new PdfCursor(doc);

            pdf.newPage(PdfCursor.PORTRAIT);
            pdf.heading(s.heading(), 16);
            pdf.paragraph(runs(s.intro(), false, PdfCursor.INK), TEXT);
            PdfCursor.Table about = pdf.table(TABLE + 0.5f, 1.1f, 4);
            for (Summary.Row row : s.about()) {
                about.row(null, Cell.text(row.name(), true).shaded(HEAD),
                        Cell.text(Objects.toString(row.value(), Summary.NONE), false));
            }
            about.end();
            items(pdf, Summary.FAILED_CHECKS, s.failedChecks(), true, FAIL);
            items(pdf, Summary.CHECKS_THAT_HOLD, s.checksThatHold(), false, OK);
            if (!s.flags().isEmpty()) {
                items(pdf, Summary.FLAGS, s.flags(), false, PdfCursor.INK);
            }

            pdf.newPage(PdfCursor.LANDSCAPE);
            pdf.heading(Summary.FIGURES, 12);
            pdf.paragraph(runs(s.figuresNote(), false, PdfCursor.INK), TEXT);
            // Points on a landscape page: the narrow columns fit NEEDS_REVIEW, «Confidence» and a key on one line.
            PdfCursor.Table figures = pdf.table(TABLE, 28, 118, 220, 62, 104, 42, 58, 72, 66)
                    .header(Summary.FIGURE_COLUMNS, HEAD);
            for (Figure f : s.figures()) {
                PDImageXObject crop = crop(doc, f, files);
                figures.row(f.changed() ? CHANGED : null,
                        Cell.text(f.line(), false),
                        Cell.text(List.of(new Run(f.label() + "\n", false, PdfCursor.INK),
                                new Run(f.key(), false, PdfCursor.MUTED))),
                        crop == null ? Cell.text(Summary.NONE, false) : Cell.image(crop, CROP_HEIGHT),
                        Cell.text(runs(f.digits(), false, PdfCursor.INK)),
                        Cell.text(runs(f.words(), false, PdfCursor.INK)),
                        Cell.text(f.value(), true).right(),
                        Cell.text(f.confidence(), false).right(),
                        Cell.text(f.status(), false),
                        Cell.text(f.reason(), false));
            }
            figures.end();

            pdf.heading(Summary.REVIEW_HISTORY, 12);
            if (s.changes() == null) {
                pdf.paragraph(List.of(new Run(Summary.NOT_REVIEWED, false, PdfCursor.INK)), TEXT);
            } else {
                if (s.signedOff() != null) {
                    pdf.paragraph(runs(s.signedOff(), false, PdfCursor.INK), TEXT);
                }
                PdfCursor.Table changes = pdf.table(TABLE, 3, 2, 2, 1, 1).header(Summary.CHANGE_COLUMNS, HEAD);
                for (List<String> change : s.changes()) {
                    List<Cell> cells = new ArrayList<>();
                    for (int i = 0; i < change.size(); i++) {
                        Cell c = Cell.text(change.get(i), false);
                        cells.add(i >= 3 ? c.right() : c);
                    }
                    changes.row(null, cells);
                }
                changes.end();
            }
            pdf.heading(Summary.FILES, 12);
            pdf.paragraph(runs(s.filesNote(), false, PdfCursor.INK), TEXT);
            pdf.finish(s.documentTitle());

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void items(PdfCursor pdf, String heading, List<Text> items, boolean bold, Color color)
            throws IOException {
        pdf.heading(heading, 12);
        for (Text item : items) {
            pdf.item(runs(item, bold, color), TEXT);
        }
        pdf.gap(TEXT / 2);
    }

    /** The text in the color of its line; bold spans in bold, muted ones in grey. */
    private static List<Run> runs(Text t, boolean bold, Color color) {
        return t.spans().stream().map(s -> new Run(s.text(), bold || s.style() == Summary.Style.BOLD,
                s.style() == Summary.Style.MUTED ? PdfCursor.MUTED : color)).toList();
    }

    /** The field's crop as put into the zip; null when there is none or it cannot be read back. */
    private static PDImageXObject crop(PDDocument doc, Figure f, Function<String, byte[]> files) {
        byte[] png = f.crop() == null ? null : files.apply(f.crop());
        if (png == null) {
            return null;
        }
        try {
            return PDImageXObject.createFromByteArray(doc, png, f.crop());
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
