package kz.hattama.ocr;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

import static org.assertj.core.api.Assertions.assertThat;

/** The Java preprocessing must give the models exactly what training/common/preprocess.py gave them. */
class PreprocessParityTest {

    @Test
    void javaPreprocessingEqualsPython() throws Exception {
        List<Path> crops = Fixtures.crops("digits");
        assertThat(crops).isNotEmpty();
        LinePreprocessor pre = new LinePreprocessor(256);
        for (Path p : crops) {
            Mat crop = Fixtures.grey(p);
            Mat want = Fixtures.grey(Path.of(p.toString().replace(".png", ".pre.png")));
            float[] got = pre.apply(crop);
            byte[] exp = LinePreprocessor.bytes(want);
            assertThat(got.length).as(p.getFileName().toString()).isEqualTo(exp.length);
            int diff = 0;
            for (int i = 0; i < exp.length; i++) {
                if (Math.round(got[i] * 255f) != (exp[i] & 0xff)) {
                    diff++;
                }
            }
            assertThat(diff).as("pixels differing from Python for " + p.getFileName()).isEqualTo(0);
        }
    }
}
