package kz.hattama.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

public final class Hashes {

    private Hashes() {
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newSha256().digest(bytes));
    }

    /**
     * The identity of a file whose content is not kept, from what is known of it (kind, name, size, CRC …). Hashed
     * under a tag, so it can never equal the SHA-256 of any kept content, yet is the same when the file is sent again.
     */
    public static String identity(Object... parts) {
        StringBuilder text = new StringBuilder("hattama-identity");
        for (Object part : parts) {
            text.append('\0').append(part);
        }
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
