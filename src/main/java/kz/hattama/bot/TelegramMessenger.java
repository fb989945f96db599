package kz.hattama.bot;

import kz.hattama.config.BotProperties;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Telegram through the library's client, at the Bot API server HATTAMA_TELEGRAM_API_URL names. */
public class TelegramMessenger implements Messenger {

    private static final Logger log = LoggerFactory.getLogger(TelegramMessenger.class);

    private final OkHttpTelegramClient client;
    private final OkHttpClient http;
    private final HttpUrl base;
    private final String token;

    public TelegramMessenger(BotProperties props, OkHttpClient http) {
        this.token = props.token();
        this.http = http;
        this.base = HttpUrl.get(props.apiUrl());
        this.client = new OkHttpTelegramClient(http, token, telegramUrl(props));
    }

    /** The library's form of the API address: scheme, host and port (a path prefix is not supported by it). */
    public static TelegramUrl telegramUrl(BotProperties props) {
        HttpUrl url = HttpUrl.get(props.apiUrl());
        return new TelegramUrl(url.scheme(), url.host(), url.port(), false);
    }

    @Override
    public String name() {
        return "telegram";
    }

    @Override
    public void send(String chatId, String text) {
        try {
            client.execute(SendMessage.builder().chatId(chatId).text(text).build());
        } catch (TelegramApiException e) {
            log.warn("A message to chat {} was not sent: {}", chatId, redact(e.getMessage()));
        }
    }

    @Override
    public void download(String fileId, Path target, long maxBytes) throws IOException {
        File file;
        try {
            file = client.execute(GetFile.builder().fileId(fileId).build());
        } catch (TelegramApiException e) {
            throw new IOException("getFile failed: " + redact(e.getMessage()));
        }
        if (file.getFileSize() != null && file.getFileSize() > maxBytes) {
            throw new TooLargeException(file.getFileSize());
        }
        // The library's own download always goes to the public host; a self-hosted server serves the same path.
        HttpUrl url = base.newBuilder().addPathSegment("file").addPathSegment("bot" + token)
                .addPathSegments(file.getFilePath()).build();
        try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful() || body == null) {
                throw new IOException("file download answered " + response.code());
            }
            if (body.contentLength() > maxBytes) {
                throw new TooLargeException(body.contentLength());
            }
            // Counted as it comes: a server that said a small size must not fill the disk.
            try (InputStream in = body.byteStream(); OutputStream out = Files.newOutputStream(target)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    total += n;
                    if (total > maxBytes) {
                        throw new TooLargeException(total);
                    }
                    out.write(buffer, 0, n);
                }
            }
        }
    }

    /** Errors may quote the URL, which holds the token. */
    String redact(String message) {
        return message == null ? "" : message.replace(token, "<token>");
    }
}
