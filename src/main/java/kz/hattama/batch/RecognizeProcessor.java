package kz.hattama.batch;

import kz.hattama.ingest.PageDecoder;
import kz.hattama.protocol.PageOutcome;
import kz.hattama.protocol.Rejection;
import kz.hattama.protocol.RejectionCode;
import kz.hattama.recognize.PageRecognizer;
import kz.hattama.recognize.StageClock;
import kz.hattama.recognize.StageClock.Stage;
import kz.hattama.store.OutcomeStore.PendingSource;
import org.opencv.core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.item.ItemProcessor;

import java.util.ArrayList;
import java.util.List;

/** Reads every page of one file. No I/O: the bytes come from the reader, the results go to the writer. */
public class RecognizeProcessor implements ItemProcessor<PendingSource, SourceOutcome> {

    private static final Logger log = LoggerFactory.getLogger(RecognizeProcessor.class);

    private final PageDecoder decoder;
    private final PageRecognizer recognizer;

    public RecognizeProcessor(PageDecoder decoder, PageRecognizer recognizer) {
        this.decoder = decoder;
        this.recognizer = recognizer;
    }

    /**
     * One file's fault is that file's REJECTED record, never the job's. An Exception is skipped by the step and
     * recorded by {@link FailedFileListener}; Spring Batch skips no Error, so an Error (a picture that exhausts the
     * heap, a recursion too deep) is turned into an INTERNAL_ERROR outcome here.
     */
    @Override
    public SourceOutcome process(PendingSource source) {
        try {
            return read(source);
        } catch (Error e) {
            log.error("Reading {} failed; it is recorded as rejected", source.name(), e);
            return new SourceOutcome(source.id(), List.of(PageOutcome.rejected(0, Rejection.of(RejectionCode.INTERNAL_ERROR))));
        }
    }

    private SourceOutcome read(PendingSource source) {
        PageDecoder.Pages pages = StageClock.time(Stage.DECODE, () -> decoder.decode(source.bytes(), source.mediaType()));
        if (pages.rejection() != null) {
            return new SourceOutcome(source.id(), List.of(PageOutcome.rejected(0, pages.rejection())));
        }
        List<PageOutcome> outcomes = new ArrayList<>();
        try {
            int pageNo = 1;
            for (Mat page : pages.pages()) {
                outcomes.add(recognizer.recognize(pageNo++, page));
            }
        } finally {
            // Native memory: a failed page must not leave the file's other pages to the garbage collector.
            pages.pages().forEach(Mat::release);
        }
        return new SourceOutcome(source.id(), outcomes);
    }
}
