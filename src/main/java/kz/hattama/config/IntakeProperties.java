package kz.hattama.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits that keep one hostile or careless upload from exhausting the job's memory or time; what exceeds them is
 * that file's REJECTED record. Each is also an environment variable (relaxed binding), documented in the README. The
 * size limit of one file is {@link HattamaProperties#maxFileMb()}.
 *
 * @param maxMegapixels a picture or PDF page (at {@code HATTAMA_PDF_DPI}) with more pixels, as its header claims, is
 *                      IMAGE_TOO_LARGE and never decoded ({@code HATTAMA_MAX_MEGAPIXELS})
 * @param maxZipEntries a zip holding more files is ARCHIVE_TOO_LARGE ({@code HATTAMA_MAX_ZIP_ENTRIES})
 * @param maxZipMb      a zip whose files unpack to more is ARCHIVE_TOO_LARGE ({@code HATTAMA_MAX_ZIP_MB})
 */
@ConfigurationProperties("hattama")
public record IntakeProperties(@DefaultValue("60") int maxMegapixels, @DefaultValue("5000") int maxZipEntries,
                               @DefaultValue("2048") int maxZipMb) {

    public IntakeProperties {
        if (maxMegapixels < 1 || maxZipEntries < 1 || maxZipMb < 1) {
            throw new IllegalArgumentException("hattama.max-megapixels, max-zip-entries and max-zip-mb must be at least 1");
        }
    }

    public static IntakeProperties defaults() {
        return new IntakeProperties(60, 5000, 2048);
    }

    public long maxZipBytes() {
        return maxZipMb * 1024L * 1024L;
    }
}
