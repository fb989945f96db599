package kz.hattama.batch;

import kz.hattama.ingest.PageDecoder;
import kz.hattama.reconcile.PageOutcome;
import kz.hattama.recognize.PageRecognizer;
import kz.hattama.store.ProtocolStore.PendingSource;
import org.opencv.core.Mat;
import org.springframework.batch.item.ItemProcessor;

import java.util.ArrayList;
import java.util.List;

/** Reads every page of one file. No I/O: the bytes come from the reader, the results go to the writer. */
public class RecognizeProcessor implements ItemProcessor<PendingSource, SourceOutcome> {

    private final PageDecoder decoder;
    private final PageRecognizer recognizer;

    public RecognizeProcessor(PageDecoder decoder, PageRecognizer recognizer) {
        this.decoder = decoder;
        this.recognizer = recognizer;
    }

    @Override
    public SourceOutcome process(PendingSource source) {
        PageDecoder.Pages pages = decoder.decode(source.bytes(), source.mediaType());
        if (pages.rejection() != null) {
            return new SourceOutcome(source.id(), List.of(PageOutcome.rejected(0, pages.rejection())));
        }
        List<PageOutcome> outcomes = new ArrayList<>();
        int pageNo = 1;
        for (Mat page : pages.pages()) {
            try {
                outcomes.add(recognizer.recognize(pageNo++, page));
            } finally {
                page.release();
            }
        }
        return new SourceOutcome(source.id(), outcomes);
    }
}
