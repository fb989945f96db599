package kz.hattama.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** JSON Lines, one protocol a line. */
public final class JsonlExporter implements Exporter {

    private final ExportSource source;

    public JsonlExporter(ExportSource source) {
        this.source = source;
    }

    @Override
    public String fileName() {
        return "protocols.jsonl";
    }

    @Override
    public ExportSource source() {
        return source;
    }

    @Override
    public Sink open(OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        return new Sink() {
            @Override
            public void write(ExportRecord record) throws IOException {
                writer.write(Json.MAPPER.writeValueAsString(record));
                writer.write('\n');
            }

            @Override
            public void finish() throws IOException {
                writer.flush();
            }
        };
    }
}
