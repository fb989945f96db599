package kz.hattama.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import kz.hattama.ingest.Mats;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;

/**
 * An ONNX CTC line recogniser (training/common/ctcnet.py) run by OpenCV DNN: input
 * 1 x 1 x 32 x width, output log-probabilities 1 x classes x 1 x width/4.
 *
 * <p>Not thread-safe (an OpenCV Net keeps its buffers): one per worker thread.
 */
final class CtcLineModel {

    private final Net net;
    private final LinePreprocessor pre;
    private final int classes;

    CtcLineModel(String resource, int width, int classes) {
        kz.hattama.image.OpenCv.load();
        byte[] bytes;
        try (InputStream in = CtcLineModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("model not on the classpath: " + resource);
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The ONNX importer is not documented as thread-safe; workers build their nets one at a time.
        MatOfByte onnx = new MatOfByte(bytes);
        try {
            synchronized (CtcLineModel.class) {
                this.net = Dnn.readNetFromONNX(onnx);
            }
        } finally {
            Mats.release(onnx);
        }
        this.net.setPreferableBackend(Dnn.DNN_BACKEND_OPENCV);
        this.net.setPreferableTarget(Dnn.DNN_TARGET_CPU);
        this.pre = new LinePreprocessor(width);
        this.classes = classes;
    }

    /** Farther than the network sees (its receptive field is 73 columns wide), with room to spare. */
    static final int MARGIN = 64;
    /** Input widths are rounded up to this, so that OpenCV re-plans the network for a few widths only. */
    static final int WIDTH_STEP = 128;

    /**
     * How much of the zero-padded input the network is run on: the text and a margin of paper wider than any column
     * of the network can see. The network is all convolutions, so every column it outputs over the text is the same as
     * on the full width, and the columns past it are blanks either way; a short word is read at a fraction of the
     * cost of the full line.
     */
    static int inputWidth(float[] input, int fullWidth) {
        int last = -1;
        for (int i = 0; i < input.length; i++) {
            if (input[i] != 0f) {
                last = Math.max(last, i % fullWidth);
            }
        }
        int wanted = (last + 1 + MARGIN + WIDTH_STEP - 1) / WIDTH_STEP * WIDTH_STEP;
        return Math.min(fullWidth, wanted);
    }

    /** Per-column log-probabilities, [column][class], class 0 = blank. */
    float[][] logProbs(Mat crop) {
        float[] padded = pre.apply(crop);
        int width = inputWidth(padded, pre.width());
        float[] input = padded;
        if (width < pre.width()) {
            input = new float[LinePreprocessor.HEIGHT * width];
            for (int y = 0; y < LinePreprocessor.HEIGHT; y++) {
                System.arraycopy(padded, y * pre.width(), input, y * width, width);
            }
        }
        Mat blob = new Mat(new int[] {1, 1, LinePreprocessor.HEIGHT, width}, CvType.CV_32F), out = null, row = null;
        float[] flat;
        try {
            blob.put(new int[] {0, 0, 0, 0}, input);
            net.setInput(blob);
            out = net.forward();
            flat = new float[(int) out.total()];
            row = out.reshape(1, 1);
            row.get(0, 0, flat);
        } finally {
            Mats.release(blob, out, row);
        }
        int t = flat.length / classes;
        float[][] lp = new float[t][classes];
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < t; i++) {
                lp[i][c] = flat[c * t + i];
            }
        }
        return lp;
    }
}
