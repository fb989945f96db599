package kz.hattama.bundle;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a PDF puts on paper, found without trusting the code that wrote it: its text as PDFBox extracts it, where each
 * image, rectangle and glyph falls, and whether every page renders.
 *
 * @param text      the extracted text, every run of white space made one space
 * @param images    the box each image is drawn in, page after page
 * @param offPage   what is drawn (partly) outside its page's media box, described
 * @param landscape for each page, whether it is wider than tall
 * @param blank     pages that render as white paper
 */
record PrintedPdf(String text, List<Rectangle2D> images, List<String> offPage, List<Boolean> landscape,
                  List<Integer> blank) {

    static PrintedPdf of(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<Rectangle2D> images = new ArrayList<>();
            List<String> offPage = new ArrayList<>();
            List<Boolean> landscape = new ArrayList<>();
            int n = 1;
            for (PDPage page : doc.getPages()) {
                PDRectangle media = page.getMediaBox();
                Rectangle2D bounds = new Rectangle2D.Float(media.getLowerLeftX(), media.getLowerLeftY(),
                        media.getWidth(), media.getHeight());
                Shapes shapes = new Shapes(page);
                shapes.processPage(page);
                images.addAll(shapes.images);
                for (Rectangle2D r : shapes.all) {
                    if (!bounds.contains(r)) {
                        offPage.add("page " + n + ": shape at " + r);
                    }
                }
                landscape.add(media.getWidth() > media.getHeight());
                n++;
            }
            Glyphs glyphs = new Glyphs();
            String text = glyphs.getText(doc).replaceAll("\\s+", " ");
            offPage.addAll(glyphs.offPage);
            PDFRenderer renderer = new PDFRenderer(doc);
            List<Integer> blank = new ArrayList<>();
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                if (white(renderer.renderImageWithDPI(i, 30))) {
                    blank.add(i + 1);
                }
            }
            return new PrintedPdf(text, images, offPage, landscape, blank);
        }
    }

    private static boolean white(BufferedImage page) {
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                if ((page.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Images and path rectangles in page coordinates, as the content stream places them. */
    private static final class Shapes extends PDFGraphicsStreamEngine {
        final List<Rectangle2D> images = new ArrayList<>();
        final List<Rectangle2D> all = new ArrayList<>();

        Shapes(PDPage page) {
            super(page);
        }

        @Override
        public void drawImage(PDImage image) {
            Matrix m = getGraphicsState().getCurrentTransformationMatrix();
            Rectangle2D box = null;
            for (float[] corner : new float[][]{{0, 0}, {1, 0}, {0, 1}, {1, 1}}) {
                Point2D.Float p = m.transformPoint(corner[0], corner[1]);
                if (box == null) {
                    box = new Rectangle2D.Float(p.x, p.y, 0, 0);
                } else {
                    box.add(p);
                }
            }
            images.add(box);
            all.add(box);
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            Rectangle2D box = new Rectangle2D.Double(p0.getX(), p0.getY(), 0, 0);
            box.add(p1);
            box.add(p2);
            box.add(p3);
            all.add(box);
        }

        @Override
        public void clip(int windingRule) {
        }

        @Override
        public void moveTo(float x, float y) {
        }

        @Override
        public void lineTo(float x, float y) {
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        }

        @Override
        public Point2D getCurrentPoint() {
            return new Point2D.Float();
        }

        @Override
        public void closePath() {
        }

        @Override
        public void endPath() {
        }

        @Override
        public void strokePath() {
        }

        @Override
        public void fillPath(int windingRule) {
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
        }

        @Override
        public void shadingFill(org.apache.pdfbox.cos.COSName shadingName) {
        }
    }

    /** The text, noting every glyph that does not lie wholly on its page. */
    private static final class Glyphs extends PDFTextStripper {
        final List<String> offPage = new ArrayList<>();

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            PDRectangle media = getCurrentPage().getMediaBox();
            for (TextPosition t : positions) {
                // Direction-adjusted coordinates: from the page's top left corner, y at the glyph's baseline.
                float x = t.getXDirAdj();
                float y = t.getYDirAdj();
                if (x < 0 || x + t.getWidthDirAdj() > media.getWidth() + 0.01f || y - t.getHeightDir() < 0
                        || y > media.getHeight()) {
                    offPage.add("page " + getCurrentPageNo() + ": «" + t.getUnicode() + "» at " + x + ", " + y);
                }
            }
            super.writeString(text, positions);
        }
    }
}
