package kz.hattama.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** JSON Lines, one protocol a line, UTF-8 with Cyrillic and Kazakh letters as they are (not \\u-escaped). */
public final class JsonlExporter implements Exporter {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private final ExportSource source;

    public JsonlExporter(ExportSource source) {
        this.source = source;
    }

    @Override
    public long write(ExportFilter filter, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        long n = source.writeEach(filter, record -> {
            writer.write(JSON.writeValueAsString(record));
            writer.write('\n');
        });
        writer.flush();
        return n;
    }
}
