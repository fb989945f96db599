package kz.hattama.upload;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class UploadNamesTest {

    @Test
    void aNameKeepsItsFoldersButCannotClimbOutOrHide() {
        assertThat(UploadNames.safe("district 5/IMG_0412.jpg")).isEqualTo("district 5/IMG_0412.jpg");
        assertThat(UploadNames.safe("C:\\Users\\a\\scan.pdf")).isEqualTo("C:/Users/a/scan.pdf");
        assertThat(UploadNames.safe("../../etc/passwd")).isEqualTo("etc/passwd");
        assertThat(UploadNames.safe("/abs/./x.png")).isEqualTo("abs/x.png");
        assertThat(UploadNames.safe(".hidden.jpg")).isEqualTo("_hidden.jpg");
        assertThat(UploadNames.safe("a.zip!/b.jpg")).isEqualTo("a.zip_/b.jpg");
        assertThat(UploadNames.safe("")).isEqualTo("file");
        assertThat(UploadNames.safe(null)).isEqualTo("file");
    }

    @Test
    void aSecondFileOfTheSameNameInOneUploadGetsANumberAsBrowsersDo() {
        Set<String> taken = new HashSet<>();
        assertThat(UploadNames.unique("IMG.jpg", taken)).isEqualTo("IMG.jpg");
        assertThat(UploadNames.unique("img.JPG", taken)).isEqualTo("img (2).JPG");
        assertThat(UploadNames.unique("IMG.jpg", taken)).isEqualTo("IMG (3).jpg");
        assertThat(UploadNames.unique("folder.v2/README", taken)).isEqualTo("folder.v2/README");
        assertThat(UploadNames.unique("folder.v2/README", taken)).isEqualTo("folder.v2/README (2)");
    }
}
