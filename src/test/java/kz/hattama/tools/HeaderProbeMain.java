package kz.hattama.tools;

import kz.hattama.config.HattamaProperties;
import kz.hattama.form.FormDefinition;
import kz.hattama.form.Lang;
import kz.hattama.image.PageNormalizer;
import kz.hattama.layout.Layout;
import kz.hattama.layout.LayoutFinder;
import kz.hattama.ocr.DigitReader;
import kz.hattama.ocr.ModelDigitsReader;
import kz.hattama.ocr.OcrBlock;
import kz.hattama.ocr.PrecinctReader;
import kz.hattama.ocr.TesseractOcr;
import kz.hattama.ocr.TesseractLabelReader;
import kz.hattama.ocr.TessdataLocator;
import kz.hattama.recognize.RecognitionConfiguration;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

import java.nio.file.Path;

/**
 * Prints what the header of each picture reads as: Tesseract's block text and every look at the precinct number, and
 * writes the header zone to {@code -Dout=DIR}. Usage: HeaderProbeMain FILE...
 */
public final class HeaderProbeMain {

    public static void main(String[] args) throws Exception {
        HattamaProperties props = HattamaProperties.defaults();
        FormDefinition form = new RecognitionConfiguration().form(props);
        kz.hattama.image.OpenCv.load();
        Path tessdata = TessdataLocator.locate(props.tessdata(), Path.of(System.getProperty("user.home"), ".cache", "hattama"));
        TesseractOcr ocr = new TesseractOcr(tessdata);
        PrecinctReader precinct = new PrecinctReader(form, ocr, new ModelDigitsReader(new DigitReader(), form.maxDigits()));
        String out = System.getProperty("out");
        for (String a : args) {
            Path f = Path.of(a);
            Mat pic = DevImages.read(f);
            Mat page = new PageNormalizer().normalize(pic).image();
            Layout layout = new LayoutFinder().find(page, form, new TesseractLabelReader(ocr));
            Mat header = page.submat(layout.header());
            OcrBlock block = ocr.readBlock(header, "rus+kaz");
            System.out.println("== " + f.getFileName() + " header " + layout.header());
            System.out.println(block.text());
            for (Lang lang : Lang.values()) {
                System.out.println(lang + " " + precinct.read(header, block, lang));
            }
            if (out != null) {
                Imgcodecs.imwrite(Path.of(out, f.getFileName() + ".header.png").toString(), header);
            }
        }
    }
}
