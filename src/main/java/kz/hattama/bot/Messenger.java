package kz.hattama.bot;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One messenger the bot talks through. Everything else (who is linked, what is stored, what the reply says) is the
 * same for every messenger, so that another one (a WhatsApp Cloud API webhook) is one more implementation.
 */
public interface Messenger {

    /** The name stored beside chat ids, so that two messengers' ids never meet. */
    String name();

    void send(String chatId, String text);

    /**
     * Writes the file to {@code target}.
     *
     * @throws TooLargeException when the messenger says it is larger than {@code maxBytes}; nothing is downloaded
     */
    void download(String fileId, Path target, long maxBytes) throws IOException;

    final class TooLargeException extends IOException {
        public TooLargeException(long size) {
            super("file of " + size + " bytes");
        }
    }
}
