package vn.portal.submission.attachment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import vn.portal.common.config.PortalConfig;

/**
 * Files under {@code <data-dir>/files/ab/abcdef…}: written to a temporary file, forced to disk,
 * then moved atomically into place, so a reader never sees half a file and a crash never leaves
 * one behind under a real name.
 */
@ApplicationScoped
public class FilesystemStorage implements FileStorage {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    @Inject
    PortalConfig config;

    @Override
    public Stored store(Path source) throws IOException {
        Path root = root();
        Path incoming = Files.createDirectories(root.resolve("incoming"));
        Path temp = Files.createTempFile(incoming, "upload-", ".part");
        try {
            MessageDigest sha256 = sha256();
            long size;
            try (InputStream in = Files.newInputStream(source);
                    FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), sha256)) {
                size = in.transferTo(out);
                out.flush();
                channel.force(true);
            }
            String hash = HexFormat.of().formatHex(sha256.digest());
            Path target = pathOf(hash);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                return new Stored(hash, size);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException storedMeanwhile) {
                return new Stored(hash, size);
            }
            forceDirectory(target.getParent());
            return new Stored(hash, size);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(pathOf(sha256));
    }

    @Override
    public boolean exists(String sha256) {
        return Files.exists(pathOf(sha256));
    }

    private Path pathOf(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256");
        }
        return root().resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private Path root() {
        return Path.of(config.dataDir(), "files");
    }

    /** Makes the new directory entry itself durable, not only the file's bytes. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupportedHere) {
            // some platforms cannot open a directory; the file's own force still happened
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
