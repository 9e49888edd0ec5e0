package vn.portal.submission.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Decides what a file is from its bytes, never from what the client claims: the allowed types are
 * PDF, Word and Excel (OLE2 and OOXML), OpenDocument text and spreadsheet, PNG, JPEG, and CSV as
 * UTF-8 text. The name's extension must be allowed and agree with the bytes.
 */
public final class FileTypes {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
    private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
    private static final byte[] ZIP = { 'P', 'K', 3, 4 };
    private static final String OLE2_DOCUMENT = "ole2";

    /** Allowed extension → the type its bytes must show, which is also the stored content type. */
    static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("pdf", "application/pdf"),
            Map.entry("doc", "application/msword"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
            Map.entry("csv", "text/csv"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"));

    private FileTypes() {
    }

    /** The content type of an allowed file whose name and bytes agree; empty otherwise. */
    public static Optional<String> detect(Path file, String fileName) throws IOException {
        String expected = TYPES.get(extension(fileName));
        if (expected == null) {
            return Optional.empty();
        }
        Optional<String> sniffed = sniff(file);
        if (sniffed.isPresent() && sniffed.get().equals(OLE2_DOCUMENT)) {
            // an OLE2 compound file is a .doc or a .xls; its header does not say which
            return expected.equals(TYPES.get("doc")) || expected.equals(TYPES.get("xls")) ? Optional.of(expected)
                    : Optional.empty();
        }
        return sniffed.filter(expected::equals);
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** What the bytes are: one of the allowed types, or OLE2 for a Word or Excel 97–2003 file. */
    private static Optional<String> sniff(Path file) throws IOException {
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        byte[] start = Arrays.copyOf(head, read);
        if (startsWith(start, PDF)) {
            return Optional.of(TYPES.get("pdf"));
        }
        if (startsWith(start, PNG)) {
            return Optional.of(TYPES.get("png"));
        }
        if (startsWith(start, JPEG)) {
            return Optional.of(TYPES.get("jpg"));
        }
        if (startsWith(start, OLE2)) {
            return Optional.of(OLE2_DOCUMENT);
        }
        if (startsWith(start, ZIP)) {
            return zipDocument(file);
        }
        return isUtf8Text(file) ? Optional.of(TYPES.get("csv")) : Optional.empty();
    }

    /** OpenDocument names itself in a "mimetype" entry; OOXML has [Content_Types].xml and word/ or xl/. */
    private static Optional<String> zipDocument(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null) {
                try (InputStream in = zip.getInputStream(mimetype)) {
                    String declared = new String(in.readNBytes(100), StandardCharsets.US_ASCII).strip();
                    return TYPES.values().stream().filter(declared::equals).filter(t -> t.contains("opendocument")).findFirst();
                }
            }
            if (zip.getEntry("[Content_Types].xml") != null) {
                if (zip.getEntry("word/document.xml") != null) {
                    return Optional.of(TYPES.get("docx"));
                }
                if (zip.getEntry("xl/workbook.xml") != null) {
                    return Optional.of(TYPES.get("xlsx"));
                }
            }
            return Optional.empty();
        } catch (IOException notAZip) {
            return Optional.empty();
        }
    }

    /** Text: valid UTF-8, with no control characters but tab and line breaks. */
    private static boolean isUtf8Text(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        try (InputStream in = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = n < 0;
                if (n > 0) {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                if (decoder.decode(bytes, chars, end).isError()) {
                    return false;
                }
                bytes.compact();
                chars.flip();
                while (chars.hasRemaining()) {
                    char c = chars.get();
                    if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                        return false;
                    }
                }
                chars.clear();
            }
            chars.clear();
            return !decoder.flush(chars).isError();
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
