package kz.hattama.recognize;

import kz.hattama.config.HattamaProperties;
import kz.hattama.form.FormDefinition;
import kz.hattama.form.FormLoader;
import kz.hattama.image.OpenCv;
import kz.hattama.image.PageNormalizer;
import kz.hattama.layout.LayoutFinder;
import kz.hattama.ocr.DigitReader;
import kz.hattama.ocr.DigitsZoneReader;
import kz.hattama.ocr.EnsembleDigitsReader;
import kz.hattama.ocr.ModelDigitsReader;
import kz.hattama.ocr.EnsembleWordsReader;
import kz.hattama.ocr.ModelWordsReader;
import kz.hattama.ocr.PrecinctReader;
import kz.hattama.ocr.TessdataLocator;
import kz.hattama.ocr.WidenedDigitsReader;
import kz.hattama.ocr.WordsReader;
import kz.hattama.ocr.WordsZoneReader;
import kz.hattama.ocr.TesseractDigitsReader;
import kz.hattama.ocr.TesseractOcr;
import kz.hattama.ocr.TesseractWordsReader;
import kz.hattama.reconcile.PrecinctJudge;
import kz.hattama.reconcile.Reconciler;
import kz.hattama.reconcile.SideJoiner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import java.nio.file.Path;
import java.util.List;

/** Builds the recognition stages from the settings; the form comes from its data file. */
@Configuration
public class RecognitionConfiguration {

    /** How far condensed hands are widened for the second look of the digits recogniser. */
    private static final double CONDENSED_HAND_WIDENING = 1.6;

    @Bean
    public FormDefinition form(HattamaProperties props) {
        return FormLoader.loadOrBuiltIn(props.form());
    }

    /** Chooses and checks a protocol's figures; the join of two sides reconciles with the same one as a page does. */
    @Bean
    public Reconciler reconciler(FormDefinition form, HattamaProperties props) {
        return new Reconciler(form, props.verifyDigits(), props.verifyWords(), props.verifyDoubt(), props.verifyWordsCheck(),
                props.verifyPrecinct(), props.verifyWeakWordsCheck());
    }

    @Bean
    public SideJoiner sideJoiner(FormDefinition form, HattamaProperties props) {
        return new SideJoiner(form, new PrecinctJudge(props.verifyPrecinct()));
    }

    @Bean(destroyMethod = "close")
    @Lazy
    public PageRecognizer pageRecognizer(FormDefinition form, HattamaProperties props) {
        OpenCv.load();
        Path tessdata = TessdataLocator.locate(props.tessdata(), Path.of(System.getProperty("user.home"), ".cache", "hattama"));
        return new PageRecognizer(form, new PageNormalizer(), new LayoutFinder(), reconciler(form, props),
                () -> {
                    TesseractOcr ocr = new TesseractOcr(tessdata);
                    ModelDigitsReader model = new ModelDigitsReader(new DigitReader(), form.maxDigits());
                    DigitsZoneReader digits = new EnsembleDigitsReader(List.of(
                            model, new WidenedDigitsReader(model, CONDENSED_HAND_WIDENING), new TesseractDigitsReader(ocr, form.maxDigits())));
                    WordsZoneReader words = new EnsembleWordsReader(List.of(
                            new ModelWordsReader(new WordsReader()), new TesseractWordsReader(ocr)));
                    PrecinctReader precinct = new PrecinctReader(form, ocr, model);
                    return new OcrToolkit(ocr, digits, words, precinct);
                });
    }
}
