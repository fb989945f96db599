package kz.hattama.tools;

import kz.hattama.config.HattamaProperties;
import kz.hattama.form.FormDefinition;
import kz.hattama.ingest.FileTypes;
import kz.hattama.ingest.PageDecoder;
import kz.hattama.protocol.PrecinctLook;
import kz.hattama.recognize.PageRecognizer;
import kz.hattama.recognize.RecognitionConfiguration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Developer probe: which sides each page of a folder shows, its precinct looks and its signature lines. Usage: SidesProbeMain FILES… */
public final class SidesProbeMain {

    public static void main(String[] args) throws Exception {
        HattamaProperties props = HattamaProperties.defaults();
        RecognitionConfiguration cfg = new RecognitionConfiguration();
        FormDefinition form = cfg.form(props);
        PageRecognizer recognizer = cfg.pageRecognizer(form, props);
        PageDecoder decoder = new PageDecoder(200, 10, 600);
        for (String a : args) {
            Path f = Path.of(a);
            byte[] bytes = Files.readAllBytes(f);
            PageDecoder.Pages pages = decoder.decode(bytes, FileTypes.detect(bytes, f.getFileName().toString()));
            for (int i = 0; i < pages.pages().size(); i++) {
                PageRecognizer.Reading r = recognizer.read(pages.pages().get(i));
                if (r.rejection() != null) {
                    System.out.println(f.getFileName() + "#" + (i + 1) + " REJECTED " + r.rejection().code());
                    continue;
                }
                List<String> looks = r.page().precinct().stream().map(PrecinctLook::value).map(String::valueOf).toList();
                if (System.getProperty("crops") != null) {
                    org.opencv.core.Mat page = new kz.hattama.image.PageNormalizer().normalize(pages.pages().get(i)).image();
                    kz.hattama.layout.Layout layout = new kz.hattama.layout.LayoutFinder().find(page, form);
                    for (int k = 0; k < layout.signatures().size(); k++) {
                        System.out.println("zone " + k + " " + layout.signatures().get(k) + " signed="
                                + new kz.hattama.ocr.SignatureReader().signed(page, layout.signatures().get(k)) + " page " + page.size() + " ch " + page.channels());
                        org.opencv.imgcodecs.Imgcodecs.imwrite(System.getProperty("crops") + "/" + f.getFileName() + "-" + k + ".png",
                                page.submat(layout.signatures().get(k)));
                    }
                }
                System.out.println(f.getFileName() + "#" + (i + 1) + " sides=" + r.page().sides() + " turn=" + r.turn()
                        + " lang=" + r.page().lang() + " precinct=" + looks + " signed=" + r.page().signatures());
            }
        }
        recognizer.close();
    }
}
