package vn.portal.backup;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jboss.logging.Logger;
import vn.portal.access.Access;
import vn.portal.common.config.PortalConfig;
import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.time.PortalClock;

/**
 * A consistent copy of the embedded H2 database and of the attached files, taken while the
 * service runs, as one zip laid out like the data directory: unzipped into an empty directory,
 * it is a data directory the service starts on.
 *
 * <p>The database comes first, from H2's {@code BACKUP TO}, which copies the database file as of
 * one moment (MVStore appends and does not reuse space while the copy runs, so every transaction
 * committed before it is in the copy, and none half). The files are copied after it. That set is
 * consistent because of how {@code FilesystemStorage} keeps them: a file is stored (and forced to
 * disk) before the row that names it commits, files are named by their SHA-256 so a name never
 * gets other bytes, and no file is ever deleted. So every attachment in the database copy has its
 * file on disk when the files are copied; files stored since are copied as well, unreferenced and
 * harmless. (Should unreferenced files ever be collected, that collection must spare the files of
 * a backup in progress.)
 */
@ApplicationScoped
public class BackupService {

    private static final Logger LOG = Logger.getLogger(BackupService.class);

    /** H2's {@code ErrorCode.DATABASE_IS_NOT_PERSISTENT}: an in-memory database has no file to copy. */
    private static final int H2_NOT_PERSISTENT = 90126;

    /** {@code files/ab/abcdef…}: the layout of {@code FilesystemStorage}, nothing else under it. */
    private static final Pattern STORED_FILE = Pattern.compile("files/([0-9a-f]{2})/\\1[0-9a-f]{62}");

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PortalConfig config;

    @Inject
    Access access;

    @Inject
    PortalClock clock;

    /** A database copy taken, waiting to be sent with the files. */
    public record Backup(Instant takenAt, Path database) {

        /** portal-backup-20200220T013000Z.zip */
        public String fileName() {
            return "portal-backup-" + FILE_TIME.format(takenAt) + ".zip";
        }
    }

    /**
     * Copies the database (ADMIN only). The copy is a temporary file that {@link #write} sends
     * and deletes.
     */
    public Backup take() {
        access.requireAdmin("Only ADMIN takes backups.");
        Instant takenAt = clock.now();
        Path copy = null;
        try (Connection connection = dataSource.getConnection()) {
            requireEmbeddedH2(connection.getMetaData());
            copy = Files.createTempFile("portal-backup-", ".h2.zip");
            // H2 copies one backup at a time (under the database's LOB lock), so two requests are safe
            try (Statement statement = connection.createStatement()) {
                statement.execute("BACKUP TO '" + copy.toAbsolutePath().toString().replace("'", "''") + "'");
            }
            return new Backup(takenAt, copy);
        } catch (SQLException e) {
            deleteQuietly(copy);
            if (e.getErrorCode() == H2_NOT_PERSISTENT) {
                throw notAvailable("The database is in memory: there is nothing to back up.");
            }
            throw new IllegalStateException("BACKUP TO failed", e);
        } catch (IOException e) {
            deleteQuietly(copy);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(copy);
            throw e;
        }
    }

    /**
     * Writes the zip: the database file(s) of H2's copy at the top, then {@code files/ab/abcdef…};
     * deletes the copy in any case.
     */
    public void write(Backup backup, OutputStream out) {
        int files = 0;
        long bytes = 0;
        try {
            ZipOutputStream zip = new ZipOutputStream(out);
            // attachments are mostly compressed already; the database file compresses well even so
            zip.setLevel(Deflater.BEST_SPEED);
            try (ZipInputStream database = new ZipInputStream(Files.newInputStream(backup.database()))) {
                for (ZipEntry entry = database.getNextEntry(); entry != null; entry = database.getNextEntry()) {
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    bytes += database.transferTo(zip);
                    zip.closeEntry();
                }
            }
            Path dataDir = Path.of(config.dataDir());
            for (Path file : storedFiles(dataDir)) {
                zip.putNextEntry(new ZipEntry(dataDir.relativize(file).toString().replace('\\', '/')));
                try (InputStream in = Files.newInputStream(file)) {
                    bytes += in.transferTo(zip);
                }
                zip.closeEntry();
                files++;
            }
            // the response stream is the framework's to close
            zip.finish();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(backup.database());
        }
        LOG.infof("Backup %s sent: %d attached files, %d bytes before compression", backup.fileName(), files, bytes);
    }

    private static List<Path> storedFiles(Path dataDir) throws IOException {
        Path root = dataDir.resolve("files");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root, 2)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> STORED_FILE.matcher(dataDir.relativize(p).toString().replace('\\', '/')).matches())
                    .sorted().toList();
        }
    }

    private static void requireEmbeddedH2(DatabaseMetaData database) throws SQLException {
        String product = database.getDatabaseProductName();
        if ("PostgreSQL".equals(product)) {
            throw notAvailable("The database is not embedded but a Postgres server: back it up with pg_dump (for "
                    + "example pg_dump --format=custom --file=portal.dump portal), then copy the attached files "
                    + "(PORTAL_DATA_DIR/files), in that order.");
        }
        String url = database.getURL();
        if (!"H2".equals(product) || url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:")) {
            throw notAvailable("The database is not the embedded H2 file: back it up with its own tools, then copy "
                    + "the attached files (PORTAL_DATA_DIR/files), in that order.");
        }
    }

    private static ProblemException notAvailable(String detail) {
        return ErrorCode.BACKUP_NOT_AVAILABLE.problem(detail);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete the temporary backup %s: %s", file, e.getMessage());
        }
    }
}
