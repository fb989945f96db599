package kz.hattama.bot;

import java.util.List;

/**
 * A message as every messenger gives it: the chat, the sender's language, a text or files.
 *
 * @param language the sender's interface language as the messenger reports it (may be null)
 * @param files    the files attached, one per message on Telegram (an album is several messages)
 * @param album    what the messages sent together as one album share (Telegram's {@code media_group_id}); null for
 *                 a message sent alone. An album's files make one upload.
 */
public record IncomingMessage(String chatId, String language, String text, List<Attachment> files, String album) {

    public IncomingMessage {
        files = files == null ? List.of() : List.copyOf(files);
    }

    public IncomingMessage(String chatId, String language, String text, List<Attachment> files) {
        this(chatId, language, text, files, null);
    }

    /**
     * @param uniqueId the same for the same file whoever sends it again (Telegram's {@code file_unique_id})
     * @param size     bytes as the messenger says, or null when it does not
     */
    public record Attachment(String fileId, String uniqueId, String name, Long size) {
    }
}
