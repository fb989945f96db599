package kz.hattama.bundle;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.Test;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The probe the summary PDF is checked with sees what runs off a page, so its silence about the summary means something. */
class PrintedPdfTest {

    @Test
    void anImageAndTextPastThePageEdgeAreReported() throws IOException {
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                BufferedImage black = new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_GRAY);
                s.drawImage(LosslessFactory.createFromImage(doc, black), 50, 700, 200, 100);
                s.drawImage(LosslessFactory.createFromImage(doc, black), 500, 700, 200, 100);
                s.beginText();
                s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                s.newLineAtOffset(570, 400);
                s.showText("past the edge");
                s.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            pdf = out.toByteArray();
        }

        PrintedPdf printed = PrintedPdf.of(pdf);

        assertThat(printed.text()).contains("past the edge");
        assertThat(printed.images()).hasSize(2);
        assertThat(printed.images().get(0).getBounds()).isEqualTo(new Rectangle(50, 700, 200, 100));
        assertThat(printed.offPage()).hasSizeGreaterThan(1)
                .anyMatch(s -> s.startsWith("page 1: shape at"))
                .anyMatch(s -> s.startsWith("page 1: «"));
        assertThat(printed.landscape()).containsExactly(false);
        assertThat(printed.blank()).isEmpty();
    }
}
