package kz.hattama.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

/** The Java preprocessing must give the models exactly what training/common/preprocess.py gave them. */
class PreprocessParityTest {

    @Test
    void javaPreprocessingEqualsPython() throws Exception {
        List<Path> crops = Fixtures.crops("digits");
        assertFalse(crops.isEmpty());
        LinePreprocessor pre = new LinePreprocessor(256);
        for (Path p : crops) {
            Mat crop = Fixtures.grey(p);
            Mat want = Fixtures.grey(Path.of(p.toString().replace(".png", ".pre.png")));
            float[] got = pre.apply(crop);
            byte[] exp = LinePreprocessor.bytes(want);
            assertEquals(exp.length, got.length, p.getFileName().toString());
            int diff = 0;
            for (int i = 0; i < exp.length; i++) {
                if (Math.round(got[i] * 255f) != (exp[i] & 0xff)) {
                    diff++;
                }
            }
            assertEquals(0, diff, "pixels differing from Python for " + p.getFileName());
        }
    }
}
