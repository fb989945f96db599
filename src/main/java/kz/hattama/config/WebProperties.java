package kz.hattama.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Settings of the web app ({@code serve}). Each is also an environment variable (relaxed binding), documented in the
 * README; the size limit per file is {@link HattamaProperties#maxFileMb()}, shared with the batch job.
 *
 * @param port              HTTP port ({@code HATTAMA_PORT}); application.properties hands it to {@code server.port}
 * @param maxFilesPerUpload files one upload request may carry ({@code HATTAMA_MAX_FILES_PER_UPLOAD})
 * @param consumeDir        a folder watched for scans dropped by scanners and sync tools; none when unset
 *                          ({@code HATTAMA_CONSUME_DIR})
 * @param adminLogin        login of the first admin made from {@code adminPassword} ({@code HATTAMA_ADMIN_LOGIN})
 * @param adminPassword     when set and no admin exists yet, {@code serve} makes one with it ({@code HATTAMA_ADMIN_PASSWORD})
 */
@ConfigurationProperties("hattama")
public record WebProperties(@DefaultValue("8080") int port, @DefaultValue("100") int maxFilesPerUpload, Path consumeDir,
                            @DefaultValue("admin") String adminLogin, String adminPassword) {

    public WebProperties {
        if (maxFilesPerUpload < 1) {
            throw new IllegalArgumentException("hattama.max-files-per-upload must be at least 1, not " + maxFilesPerUpload);
        }
    }
}
