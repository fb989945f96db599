package kz.hattama.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.hattama.export.CsvExporter;
import kz.hattama.export.ExportFilter;
import kz.hattama.export.Exporter;
import kz.hattama.export.JsonlExporter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/admin")
@ConditionalOnWebApplication
@Tag(name = "Admin", description = "The dataset (ADMIN)")
public class AdminApi {

    private final JsonlExporter jsonl;
    private final CsvExporter csv;

    public AdminApi(JsonlExporter jsonl, CsvExporter csv) {
        this.jsonl = jsonl;
        this.csv = csv;
    }

    @Operation(summary = "The dataset, as the export command writes it")
    @GetMapping("/export")
    public ResponseEntity<StreamingResponseBody> export(
            @Parameter(description = "jsonl or csv") @RequestParam(defaultValue = "jsonl") String format,
            @Parameter(description = "all, or statuses separated by commas, e.g. VERIFIED,REVIEWED")
            @RequestParam(defaultValue = "all") String status) {
        ExportFilter filter = ExportFilter.parse(status);
        boolean isCsv = "csv".equalsIgnoreCase(format);
        if (!isCsv && !"jsonl".equalsIgnoreCase(format)) {
            throw new IllegalArgumentException("format is jsonl or csv, not " + format);
        }
        Exporter exporter = isCsv ? csv : jsonl;
        return ResponseEntity.ok()
                .contentType(isCsv ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                        : new MediaType("application", "jsonl", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("hattama-protocols." + (isCsv ? "csv" : "jsonl")).build().toString())
                .body(out -> exporter.write(filter, out));
    }
}
