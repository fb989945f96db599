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
 * @param quotaFiles        files one user (not an admin) may upload in 24 hours; 0: no limit ({@code HATTAMA_QUOTA_FILES})
 * @param quotaMb           megabytes one user (not an admin) may upload in 24 hours; 0: no limit ({@code HATTAMA_QUOTA_MB})
 * @param loginFailuresPerAccount failed logins to one account, within {@code loginLockMinutes}, after which that
 *                          account's logins are refused ({@code HATTAMA_LOGIN_FAILURES_PER_ACCOUNT})
 * @param loginFailuresPerAddress the same for one network address, whatever the accounts
 *                          ({@code HATTAMA_LOGIN_FAILURES_PER_ADDRESS})
 * @param loginLockMinutes  the window failures are counted in, and how long logins stay refused after the last
 *                          failure ({@code HATTAMA_LOGIN_LOCK_MINUTES})
 */
@ConfigurationProperties("hattama")
public record WebProperties(@DefaultValue("8080") int port, @DefaultValue("100") int maxFilesPerUpload, Path consumeDir,
                            @DefaultValue("admin") String adminLogin, String adminPassword,
                            @DefaultValue("5000") int quotaFiles, @DefaultValue("5000") int quotaMb,
                            @DefaultValue("5") int loginFailuresPerAccount, @DefaultValue("20") int loginFailuresPerAddress,
                            @DefaultValue("15") int loginLockMinutes) {

    public WebProperties {
        if (maxFilesPerUpload < 1) {
            throw new IllegalArgumentException("hattama.max-files-per-upload must be at least 1, not " + maxFilesPerUpload);
        }
        if (quotaFiles < 0 || quotaMb < 0) {
            throw new IllegalArgumentException("hattama.quota-files and hattama.quota-mb are 0 (no limit) or more");
        }
        if (loginFailuresPerAccount < 1 || loginFailuresPerAddress < 1 || loginLockMinutes < 1) {
            throw new IllegalArgumentException("hattama.login-failures-per-account, hattama.login-failures-per-address"
                    + " and hattama.login-lock-minutes must be at least 1");
        }
    }
}
