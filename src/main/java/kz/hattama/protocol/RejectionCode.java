package kz.hattama.protocol;

/**
 * Why a file yields no protocol. The codes are stable (exported, read by other tools);
 * the message is what a volunteer reads.
 */
public enum RejectionCode {
    UNSUPPORTED_TYPE("This file is not a photo, scan or PDF. Upload a JPEG, PNG, TIFF or PDF of the protocol."),
    UNSUPPORTED_HEIC("This is an iPhone photo in HEIC format, which cannot be read. Send it as JPEG: share it as JPEG, or set Settings → Camera → Formats → Most Compatible and take it again."),
    EMPTY_FILE("The file is empty. Upload it again."),
    CORRUPT_FILE("The file is damaged and cannot be opened. Take or export it again and upload the new file."),
    PASSWORD_PROTECTED("The PDF needs a password to open. Upload it without one."),
    TOO_LARGE("The file is too large. Upload a photo or scan of at most %s."),
    IMAGE_TOO_LARGE("The picture is too large to open (%s megapixels; at most %s). Send a phone photo or a scan at 200–300 dpi."),
    ARCHIVE_TOO_LARGE("The zip holds too much to unpack (more than %s files or %s once unpacked). Split it into smaller zips."),
    NESTED_ARCHIVE("This is a zip inside a zip. Upload the inner zip on its own, or unpack it and upload its photos."),
    TOO_SMALL("The image is too small to read the figures. Take the photo closer or scan at 200 dpi or more."),
    NOT_A_PROTOCOL("This page does not look like a precinct commission protocol of this form. Check that the whole protocol is in the picture."),
    UNREADABLE("The protocol is too blurred, dark or cut off to read. Take the photo again in good light, flat and whole."),
    DUPLICATE("This file was already uploaded (%s)."),
    INTERNAL_ERROR("Hattama could not process this file because of an internal error. It has been kept; try again later.");

    private final String message;

    RejectionCode(String message) {
        this.message = message;
    }

    /** The volunteer-facing message; %s placeholders are filled from {@code args}. */
    public String message(Object... args) {
        return args.length == 0 ? message.replace(" (%s)", "").replace("%s", "") : String.format(message, args);
    }
}
