package kz.hattama.ocr;

import kz.hattama.ingest.Mats;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Turns a grey zone crop into the recogniser's input: the band of text cut out, resized to
 * height 32, ink 1 and paper 0, zero-padded on the right.
 *
 * <p>A port of training/common/preprocess.py that must stay bit-for-bit equal to it: the models
 * only know crops prepared that way. PreprocessParityTest compares both on fixtures. Hence the
 * integer histograms and floor(x + 0.5) rounding (Python's round() is banker's rounding).
 */
public final class LinePreprocessor {

    public static final int HEIGHT = 32;

    private final int width;

    public LinePreprocessor(int width) {
        this.width = width;
    }

    public int width() {
        return width;
    }

    /** Row-major HEIGHT x width values in [0, 1], quantised to 1/255 as in training. */
    public float[] apply(Mat crop) {
        Mat g = grey(crop), sub = null, r = new Mat();
        int[] band;
        int nw;
        byte[] px;
        try {
            band = textBand(g);
            sub = g.submat(band[0], band[1], band[2], band[3]);
            nw = Math.min(width, Math.max(1, rnd(sub.cols() * (double) HEIGHT / sub.rows())));
            Imgproc.resize(sub, r, new Size(nw, HEIGHT), 0, 0, Imgproc.INTER_AREA);
            px = bytes(r);
        } finally {
            Mats.release(g == crop ? null : g, sub, r);
        }
        int bg = band[4];
        int lo = quantile(histogram(px), px.length, 0.01);
        int hi = bg;
        if (hi - lo < 32) {
            lo = hi - 32;
        }
        float[] out = new float[HEIGHT * width];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < nw; x++) {
                double f = (hi - (double) (px[y * nw + x] & 0xff)) / (double) (hi - lo);
                f = Math.min(1.0, Math.max(0.0, f));
                out[y * width + x] = (float) (Math.floor(f * 255.0 + 0.5) / 255.0);
            }
        }
        return out;
    }

    static Mat grey(Mat crop) {
        Mat g = crop;
        if (crop.channels() == 3 || crop.channels() == 4) {
            g = new Mat();
            Imgproc.cvtColor(crop, g, crop.channels() == 3 ? Imgproc.COLOR_BGR2GRAY : Imgproc.COLOR_BGRA2GRAY);
        }
        if (g.type() != CvType.CV_8UC1) {
            Mat c = new Mat();
            g.convertTo(c, CvType.CV_8UC1);
            Mats.release(g == crop ? null : g);
            g = c;
        }
        if (g.isContinuous()) {
            return g;
        }
        Mat c = g.clone();
        Mats.release(g == crop ? null : g);
        return c;
    }

    /** {y0, y1, x0, x1, background}; see preprocess.text_band for the reasoning. */
    static int[] textBand(Mat g) {
        int H = g.rows(), W = g.cols();
        byte[] px = bytes(g);
        int[] hist = histogram(px);
        int lo = quantile(hist, px.length, 0.005);
        int bg = quantile(hist, px.length, 0.5);
        if (bg - lo < 24) {
            return new int[] {0, H, 0, W, bg};
        }
        int thr = bg - Math.max(20, (bg - lo) * 2 / 5);
        byte[] m = new byte[px.length];
        for (int i = 0; i < px.length; i++) {
            m[i] = (px[i] & 0xff) < thr ? (byte) 255 : 0;
        }
        int kh = Math.max(30, rnd(0.6 * H));
        int kv = Math.max(24, rnd(0.7 * H));
        Mat mask = new Mat(H, W, CvType.CV_8UC1), linesH = new Mat(), linesV = new Mat(), lines = new Mat(), text = new Mat(),
                alongRows = null, alongCols = null, widen = null;
        byte[] t;
        try {
            mask.put(0, 0, m);
            alongRows = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(kh, 1));
            Imgproc.morphologyEx(mask, linesH, Imgproc.MORPH_OPEN, alongRows);
            alongCols = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(1, kv));
            Imgproc.morphologyEx(mask, linesV, Imgproc.MORPH_OPEN, alongCols);
            Core.max(linesH, linesV, lines);
            widen = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(3, 3));
            Imgproc.dilate(lines, lines, widen);
            Core.subtract(mask, lines, text);
            t = bytes(text);
        } finally {
            Mats.release(mask, linesH, linesV, lines, text, alongRows, alongCols, widen);
        }
        int margin = W / 25;
        int[] rows = new int[H];
        for (int y = 0; y < H; y++) {
            int c = 0;
            for (int x = margin; x < W - margin; x++) {
                if (t[y * W + x] != 0) {
                    c++;
                }
            }
            rows[y] = c;
        }
        int gap = Math.max(3, H / 12);
        java.util.List<int[]> groups = new java.util.ArrayList<>();
        int y = 0;
        while (y < H) {
            if (rows[y] < 2) {
                y++;
                continue;
            }
            int start = y, end = y, mass = 0, quiet = 0;
            while (y < H && quiet <= gap) {
                if (rows[y] >= 2) {
                    end = y;
                    quiet = 0;
                    mass += rows[y];
                } else {
                    quiet++;
                }
                y++;
            }
            groups.add(new int[] {start, end + 1, mass});
        }
        if (groups.isEmpty()) {
            return new int[] {0, H, 0, W, bg};
        }
        int topMass = 0;
        for (int[] gr : groups) {
            topMass = Math.max(topMass, gr[2]);
        }
        int[] best = null;
        for (int[] gr : groups) {
            int s0 = gr[0], e0 = gr[1], m0 = gr[2];
            boolean tall = (e0 - s0) * 8 >= H && e0 - s0 >= 6;
            boolean hint = e0 >= H && (e0 - s0) * 4 < H;
            if (s0 > 0 && tall && !hint && m0 >= 12 && (long) m0 * 32 >= topMass) {
                best = gr;
            }
        }
        if (best == null) {
            for (int[] gr : groups) {  // first of the heaviest, as Python's max()
                if (best == null || gr[2] > best[2]) {
                    best = gr;
                }
            }
        }
        int y0 = best[0], y1 = best[1];
        int x0 = -1, x1 = -1;
        for (int x = 0; x < W; x++) {
            for (int yy = y0; yy < y1; yy++) {
                if (t[yy * W + x] != 0) {
                    if (x0 < 0) {
                        x0 = x;
                    }
                    x1 = x + 1;
                    break;
                }
            }
        }
        int bh = y1 - y0;
        int py = rnd(0.12 * bh) + 2;
        int pxm = rnd(0.25 * bh) + 2;
        return new int[] {Math.max(0, y0 - py), Math.min(H, y1 + py), Math.max(0, x0 - pxm), Math.min(W, x1 + pxm), bg};
    }

    static int rnd(double x) {
        return (int) Math.floor(x + 0.5);
    }

    static byte[] bytes(Mat m) {
        Mat c = m.isContinuous() ? m : m.clone();
        try {
            byte[] b = new byte[(int) c.total()];
            c.get(0, 0, b);
            return b;
        } finally {
            Mats.release(c == m ? null : c);
        }
    }

    static int[] histogram(byte[] px) {
        int[] h = new int[256];
        for (byte b : px) {
            h[b & 0xff]++;
        }
        return h;
    }

    static int quantile(int[] hist, int n, double q) {
        double target = q * (double) n;
        long cum = 0;
        for (int v = 0; v < 256; v++) {
            cum += hist[v];
            if (cum >= target) {
                return v;
            }
        }
        return 255;
    }
}
