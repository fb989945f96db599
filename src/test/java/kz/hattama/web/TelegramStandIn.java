package kz.hattama.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Bot API server on 127.0.0.1 as the bot sees it: getUpdates hands the updates a test queued (from the offset
 * asked for, as Telegram does), getFile and the file download serve the files a test registered, sendMessage is
 * recorded. Update JSON is in the shapes the Bot API documents.
 */
final class TelegramStandIn implements AutoCloseable {

    static final String TOKEN = "123456:STAND-IN-secret-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Sent(String chatId, String text) {
    }

    private final HttpServer server;
    private final List<JsonNode> updates = new ArrayList<>();
    private final List<JsonNode> replays = new ArrayList<>();
    private final AtomicInteger nextUpdate = new AtomicInteger(1000);
    private final AtomicLong messageIds = new AtomicLong(1);
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final List<String> fileRequests = new CopyOnWriteArrayList<>();
    final List<String> downloads = new CopyOnWriteArrayList<>();
    /** The highest offset getUpdates was asked for: every update below it is confirmed. */
    final AtomicLong confirmedBelow = new AtomicLong();

    TelegramStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::serve);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A file the bot may fetch as {@code fileId}. */
    void file(String fileId, byte[] content) {
        files.put(fileId, content);
    }

    int text(long chat, String language, String text) {
        ObjectNode m = message(chat, language);
        m.put("text", text);
        return push(m);
    }

    /** A photo as Telegram sends it: a small thumbnail and the full ~1280 px copy, each its own file. */
    int photo(long chat, String language, String fileId, String uniqueId, long size) {
        return photo(chat, language, fileId, uniqueId, size, null);
    }

    /** A photo that is part of an album: Telegram sends each part as its own message, sharing media_group_id. */
    int photo(long chat, String language, String fileId, String uniqueId, long size, String album) {
        ObjectNode m = message(chat, language);
        if (album != null) {
            m.put("media_group_id", album);
        }
        ArrayNode sizes = m.putArray("photo");
        sizes.addObject().put("file_id", fileId + "-thumb").put("file_unique_id", uniqueId + "-thumb")
                .put("width", 90).put("height", 67).put("file_size", 1200);
        sizes.addObject().put("file_id", fileId).put("file_unique_id", uniqueId).put("width", 1280).put("height", 960)
                .put("file_size", size);
        return push(m);
    }

    int document(long chat, String language, String fileId, String uniqueId, String name, String mime, long size) {
        ObjectNode m = message(chat, language);
        m.putObject("document").put("file_id", fileId).put("file_unique_id", uniqueId).put("file_name", name)
                .put("mime_type", mime).put("file_size", size);
        return push(m);
    }

    /** Hands the same update once more with the next getUpdates, whatever the offset: a delivery twice. */
    synchronized void again(int updateId) {
        replays.add(updates.stream().filter(x -> x.get("update_id").asInt() == updateId).findFirst().orElseThrow());
        notifyAll();
    }

    List<String> to(long chat) {
        return sent.stream().filter(s -> s.chatId().equals(Long.toString(chat))).map(Sent::text).toList();
    }

    private ObjectNode message(long chat, String language) {
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", messageIds.incrementAndGet());
        m.put("date", 1_733_356_800);
        m.putObject("chat").put("id", chat).put("type", "private").put("first_name", "Observer");
        ObjectNode from = m.putObject("from").put("id", chat).put("is_bot", false).put("first_name", "Observer");
        if (language != null) {
            from.put("language_code", language);
        }
        return m;
    }

    private synchronized int push(ObjectNode message) {
        int id = nextUpdate.incrementAndGet();
        ObjectNode u = JSON.createObjectNode();
        u.put("update_id", id);
        u.set("message", message);
        updates.add(u);
        notifyAll();
        return id;
    }

    private synchronized ArrayNode pending(long offset, long waitMillis) throws InterruptedException {
        long until = System.currentTimeMillis() + waitMillis;
        while (true) {
            ArrayNode out = JSON.createArrayNode();
            replays.forEach(out::add);
            replays.clear();
            updates.stream().filter(u -> u.get("update_id").asLong() >= offset).limit(100).forEach(out::add);
            long left = until - System.currentTimeMillis();
            if (!out.isEmpty() || left <= 0) {
                return out;
            }
            wait(left);
        }
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            byte[] body = ex.getRequestBody().readAllBytes();
            if (path.startsWith("/file/bot" + TOKEN + "/")) {
                String fileId = path.substring(("/file/bot" + TOKEN + "/files/").length());
                downloads.add(fileId);
                byte[] content = files.get(fileId);
                reply(ex, content == null ? 404 : 200, content == null ? new byte[0] : content);
                return;
            }
            if (!path.startsWith("/bot" + TOKEN + "/")) {
                reply(ex, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            // Method names are case-insensitive, as on Telegram's server (the library sends them in lower case).
            String method = path.substring(("/bot" + TOKEN + "/").length()).toLowerCase(java.util.Locale.ROOT);
            JsonNode args = params(ex, body);
            ObjectNode answer = JSON.createObjectNode().put("ok", true);
            switch (method) {
                case "deletewebhook" -> answer.put("result", true);
                case "getupdates" -> {
                    long offset = args.path("offset").asLong(0);
                    confirmedBelow.accumulateAndGet(offset, Math::max);
                    answer.set("result", pending(offset, 150));
                }
                case "getfile" -> {
                    String id = args.path("file_id").asText();
                    fileRequests.add(id);
                    byte[] content = files.get(id);
                    answer.putObject("result").put("file_id", id).put("file_unique_id", "u-" + id)
                            .put("file_size", content == null ? 0 : content.length).put("file_path", "files/" + id);
                }
                case "sendmessage" -> {
                    sent.add(new Sent(args.path("chat_id").asText(), args.path("text").asText()));
                    ObjectNode m = answer.putObject("result");
                    m.put("message_id", messageIds.incrementAndGet()).put("date", 1_733_356_800);
                    m.putObject("chat").put("id", args.path("chat_id").asLong()).put("type", "private");
                    m.put("text", args.path("text").asText());
                }
                default -> {
                    answer.put("ok", false).put("error_code", 404).put("description", "Not Found: " + method);
                }
            }
            reply(ex, 200, JSON.writeValueAsBytes(answer));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The library sends JSON bodies, or multipart/form-data for uploads; forms are read as key=value. */
    private static JsonNode params(HttpExchange ex, byte[] body) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        if (type != null && type.startsWith("application/json")) {
            return JSON.readTree(body);
        }
        ObjectNode out = JSON.createObjectNode();
        String text = new String(body, StandardCharsets.UTF_8);
        if (type != null && type.startsWith("multipart/form-data")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"([^\"]+)\"\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n([\\s\\S]*?)\\r\\n--").matcher(text);
            while (m.find()) {
                out.put(m.group(1), m.group(2));
            }
            return out;
        }
        for (String pair : text.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    private static void reply(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
