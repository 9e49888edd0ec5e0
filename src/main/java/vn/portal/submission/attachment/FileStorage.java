package vn.portal.submission.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where attachment bytes live, addressed by their SHA-256. One small interface so that an object
 * store can replace the filesystem when several instances serve the portal.
 */
public interface FileStorage {

    /** What was stored: the content's address and its size. */
    record Stored(String sha256, long size) {
    }

    /**
     * Stores a local file's bytes durably (they survive a crash once this returns) under their
     * SHA-256; storing the same bytes again keeps one copy.
     */
    Stored store(Path source) throws IOException;

    /** The bytes stored under {@code sha256}. */
    InputStream open(String sha256) throws IOException;

    boolean exists(String sha256);
}
