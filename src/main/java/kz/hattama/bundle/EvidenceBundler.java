package kz.hattama.bundle;

import kz.hattama.config.HattamaProperties;
import kz.hattama.export.ChecksummedZip;
import kz.hattama.export.ExportRecord;
import kz.hattama.export.ExportSource;
import kz.hattama.export.Json;
import kz.hattama.form.FormDefinition;
import kz.hattama.ingest.Mats;
import kz.hattama.image.OpenCv;
import kz.hattama.image.PageNormalizer;
import kz.hattama.image.PageTurns;
import kz.hattama.ingest.PageDecoder;
import kz.hattama.official.Comparison;
import kz.hattama.official.Difference;
import kz.hattama.official.OfficialLine;
import kz.hattama.official.OfficialResults;
import kz.hattama.protocol.Box;
import kz.hattama.protocol.FieldResult;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.Hashes;
import kz.hattama.review.Review;
import kz.hattama.store.ProtocolStore;
import kz.hattama.store.ScanStore;
import kz.hattama.store.StoredProtocol;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The evidence behind a claim about one protocol, in one zip an observer can hand to a journalist or a court: the
 * original scan and its SHA-256, each field cut from the page, both readings, the checks with their arithmetic, the
 * review history, and a summary a person reads first, as a web page and as a PDF to print.
 *
 * <p>The normalized page is not stored, so it is made again from the original scan with the same
 * {@link PageNormalizer} the job used; the normalization is deterministic, so the stored field boxes fall where they
 * fell when the page was read. When the page cannot be found again (it was read, so this should not happen) the zip
 * holds the whole scan and the boxes, and the summary says so.
 */
@Component
public class EvidenceBundler {

    /** What went into a bundle. */
    public record Bundle(Path zip, List<String> entries, boolean crops) {
    }

    /** The protocol exists but nothing about it is in doubt: there is no claim for evidence to back. */
    public static class NothingToProve extends RuntimeException {
        NothingToProve(String uid) {
            super("Protocol " + uid + " has no failed check and its figures are those of the official result (or no"
                    + " official result of its precinct was imported); an evidence bundle is made for protocols with a"
                    + " failed check or figures other than the official ones.");
        }
    }

    private final ProtocolStore store;
    private final ScanStore scans;
    private final ExportSource export;
    private final FormDefinition form;
    private final PageDecoder decoder;
    private final OfficialResults official;

    /** Without official results: a bundle only for a failed check. */
    public EvidenceBundler(ProtocolStore store, ScanStore scans, ExportSource export, FormDefinition form,
                           HattamaProperties props) {
        this(store, scans, export, form, props, OfficialResults.NONE);
    }

    @Autowired
    public EvidenceBundler(ProtocolStore store, ScanStore scans, ExportSource export, FormDefinition form,
                           HattamaProperties props, OfficialResults official) {
        this.official = official;
        this.store = store;
        this.scans = scans;
        this.export = export;
        this.form = form;
        this.decoder = new PageDecoder(props.pdfDpi(), props.maxPdfPages(), props.minImageSide());
    }

    /**
     * @throws NoSuchElementException when no protocol has this id
     * @throws NothingToProve         when all its checks pass and its figures are the official ones
     */
    public Bundle write(String uid, Path zip) throws IOException {
        record Found(StoredProtocol stored, ExportRecord record, OfficialLine official) {
        }
        Found found = store.readConsistently(() -> store.protocol(uid)
                .map(p -> new Found(p, export.record(uid).orElseThrow(), official.of(p).orElse(null))).orElse(null));
        if (found == null) {
            throw new NoSuchElementException("No protocol with id " + uid + ". Ids are the \"id\" of the export.");
        }
        List<Difference> differences = found.official() == null ? List.of()
                : Comparison.figures(found.stored(), found.official(), form);
        if (found.record().failedChecks().isEmpty() && differences.isEmpty()) {
            throw new NothingToProve(uid);
        }
        StoredProtocol p = found.stored();
        byte[] scan = scans.scan(p.sourceSha256());
        Mat page = normalizedPage(p, scan);

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("scan/" + safeName(p.sourceName()), scan);
        Map<String, String> crops = new LinkedHashMap<>();
        if (page != null) {
            Mat boxed = withBoxes(page, p.fields());
            try {
                files.put("page.png", png(boxed));
                int n = 1;
                for (FieldResult f : p.fields()) {
                    String name = String.format("crops/%02d-%s.png", n++, f.key());
                    Rect r = clamp(f.box(), page);
                    if (r != null) {
                        Mat crop = page.submat(r);
                        try {
                            files.put(name, png(crop));
                        } finally {
                            Mats.release(crop);
                        }
                        crops.put(f.key(), name);
                    }
                }
            } finally {
                Mats.release(boxed, page);
            }
        }
        files.put("boxes.json", Json.PRETTY.writeValueAsBytes(boxes(p)));
        files.put("protocol.json", Json.PRETTY.writeValueAsBytes(found.record()));
        if (found.official() != null) {
            files.put("official.json", Json.PRETTY.writeValueAsBytes(officialEntry(found.official(), differences)));
        }
        Review review = found.record().review();
        files.put("review-history.json", Json.PRETTY.writeValueAsBytes(
                review != null ? review : new Review(null, null, List.of())));
        Summary summary = Summary.of(found.record(), form, p.sourceName(), files.keySet().iterator().next(), crops,
                page != null, found.official());
        files.put("summary.html", SummaryHtml.html(summary).getBytes(StandardCharsets.UTF_8));
        files.put("summary.pdf", SummaryPdf.pdf(summary, files::get));
        Map<String, String> sums = new LinkedHashMap<>();
        files.forEach((name, bytes) -> sums.put(name, Hashes.sha256(bytes)));
        files.put(ChecksummedZip.SUMS, ChecksummedZip.sums(sums));
        Map<String, ChecksummedZip.Content> entries = new LinkedHashMap<>();
        files.forEach((name, bytes) -> entries.put(name, out -> out.write(bytes)));
        ChecksummedZip.write(zip, entries, null);
        return new Bundle(zip, List.copyOf(files.keySet()), page != null);
    }

    /** The official line as imported and each figure on which the protocol differs from it. */
    private static Map<String, Object> officialEntry(OfficialLine line, List<Difference> differences) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("precinct", line.precinct());
        entry.put("source_line", line.line());
        entry.put("figures", line.figures());
        entry.put("differences", differences.stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("field", d.field());
            m.put("protocol", d.protocol());
            m.put("official", d.official());
            m.put("difference", d.difference());
            m.put("field_status", d.fieldStatus());
            return m;
        }).toList());
        return entry;
    }

    /** The page as the job saw it, or null when the scan no longer yields it. */
    private Mat normalizedPage(StoredProtocol p, byte[] scan) {
        OpenCv.load();
        PageDecoder.Pages pages = decoder.decode(scan, scans.mediaType(p.sourceId()));
        if (pages.rejection() != null || p.pageNo() < 1 || p.pageNo() > pages.pages().size()) {
            return null;
        }
        Mat picture = pages.pages().get(p.pageNo() - 1), turned = PageTurns.apply(p.turn(), picture);
        try {
            // turned as the job turned it, or the stored boxes would fall on the wrong part of the page
            return new PageNormalizer().normalize(turned).image();
        } catch (RuntimeException e) {
            return null;
        } finally {
            Mats.release(turned);
            pages.pages().forEach(Mats::release);
        }
    }

    /** Each field's box in color on the page: green where the machine was sure, red where a person must look. */
    private static Mat withBoxes(Mat page, List<FieldResult> fields) {
        Mat color = new Mat();
        Imgproc.cvtColor(page, color, Imgproc.COLOR_GRAY2BGR);
        for (FieldResult f : fields) {
            Rect r = clamp(f.box(), page);
            if (r != null) {
                Scalar c = f.status() == FieldStatus.VERIFIED ? new Scalar(40, 160, 40) : new Scalar(30, 30, 220);
                Imgproc.rectangle(color, r, c, 3);
                Imgproc.putText(color, f.key(), new Point(r.x, Math.max(14, r.y - 4)), Imgproc.FONT_HERSHEY_SIMPLEX,
                        0.5, c, 1);
            }
        }
        return color;
    }

    private static Rect clamp(Box b, Mat page) {
        if (b == null) {
            return null;
        }
        int x = Math.max(0, b.x());
        int y = Math.max(0, b.y());
        int w = Math.min(page.cols(), b.x() + b.width()) - x;
        int h = Math.min(page.rows(), b.y() + b.height()) - y;
        return w > 0 && h > 0 ? new Rect(x, y, w, h) : null;
    }

    private static byte[] png(Mat image) {
        MatOfByte out = new MatOfByte();
        try {
            if (!Imgcodecs.imencode(".png", image, out)) {
                throw new IllegalStateException("PNG encoding failed");
            }
            return out.toArray();
        } finally {
            Mats.release(out);
        }
    }

    private static Map<String, Object> boxes(StoredProtocol p) {
        Map<String, Object> boxes = new LinkedHashMap<>();
        boxes.put("coordinates", "pixels on the page normalized to " + PageNormalizer.PAGE_WIDTH
                + " px wide (A4 at 200 dpi) by kz.hattama.image.PageNormalizer");
        Map<String, Box> fields = new LinkedHashMap<>();
        p.fields().forEach(f -> fields.put(f.key(), f.box()));
        boxes.put("fields", fields);
        return boxes;
    }

    /** A zip entry named as the volunteer named the file, without the folders of an uploaded zip. */
    static String safeName(String sourceName) {
        String last = sourceName.substring(Math.max(sourceName.lastIndexOf('/'), sourceName.lastIndexOf('!')) + 1);
        String safe = last.replaceAll("[^\\p{L}\\p{N}._() -]", "_").strip();
        return safe.isEmpty() || safe.startsWith(".") ? "scan" + safe : safe;
    }
}
