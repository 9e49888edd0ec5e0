package vn.portal.submission.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileTypesTest {

    private static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String ODT_TYPE = "application/vnd.oasis.opendocument.text";
    private static final String ODS_TYPE = "application/vnd.oasis.opendocument.spreadsheet";
    private static final String TABLE = "Khối,Chỉ tiêu,Giá trị\nKinh tế,Tăng trưởng GRDP bình quân,\"7,2%\"\r\n";

    /** The smallest bytes that make each kind of file what it is, as far as detection looks. */
    enum Content {
        PDF(ascii("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n")),
        OLE2(concat(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), new byte[504])),
        DOCX(zip("[Content_Types].xml", "<Types/>", "_rels/.rels", "<Relationships/>", "word/document.xml", "<w:document/>")),
        XLSX(zip("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>")),
        ODT(zip("mimetype", ODT_TYPE, "content.xml", "<office:document-content/>")),
        ODS(zip("mimetype", ODS_TYPE + "\n", "content.xml", "<office:document-content/>")),
        CSV(TABLE.getBytes(StandardCharsets.UTF_8)),
        CSV_WITH_BOM(concat(bytes(0xEF, 0xBB, 0xBF), TABLE.getBytes(StandardCharsets.UTF_8))),
        PNG(concat(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'), bytes(0, 0, 0, 13, 'I', 'H', 'D', 'R'))),
        JPEG(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0)),
        EMPTY(new byte[0]),
        EXE(concat(ascii("MZ"), bytes(0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF))),
        HTML(ascii("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>\n")),
        ZIP(zip("notes.txt", "ghi chú")),
        /** An OpenDocument-style container of another type. */
        EPUB(zip("mimetype", "application/epub+zip", "META-INF/container.xml", "<container/>")),
        /** OOXML, but a presentation. */
        PPTX(zip("[Content_Types].xml", "<Types/>", "ppt/presentation.xml", "<presentation/>")),
        WORD_PART_ONLY(zip("word/document.xml", "<w:document/>")),
        BROKEN_ZIP(concat(bytes('P', 'K', 3, 4), ascii("not really a zip file"))),
        LATIN1("Giá,Bình quân\n".getBytes(StandardCharsets.ISO_8859_1)),
        TRUNCATED_UTF8(concat(ascii("Kinh t"), bytes(0xE1, 0xBB))),
        /** "/" spelled in two bytes, which a strict decoder refuses. */
        OVERLONG_UTF8(concat(ascii("a"), bytes(0xC0, 0xAF), ascii("b\n"))),
        WITH_NUL(ascii("a,b\0,c\n")),
        WITH_C1_CONTROL("a,b\u0085c\n".getBytes(StandardCharsets.UTF_8)),
        /** A three-byte character across the 64 KiB read buffer. */
        LONG_STRADDLING(concat(ascii("a".repeat(64 * 1024 - 1)), "ế\n".getBytes(StandardCharsets.UTF_8))),
        LONG_WITH_LATE_CONTROL(concat(ascii("a,b\n".repeat(20_000)), bytes(0x01)));

        final byte[] bytes;

        Content(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    @TempDir
    Path dir;

    /** The upload's bytes lie in a file of their own name; the client's name is only told. */
    private Optional<String> detect(Content content, String fileName) throws IOException {
        Path upload = Files.write(dir.resolve("upload.bin"), content.bytes);
        return FileTypes.detect(upload, fileName);
    }

    @ParameterizedTest(name = "{0} holding {1} -> {2}")
    @CsvSource({
            "report.pdf, PDF, application/pdf",
            "bien-ban.doc, OLE2, application/msword",
            // an OLE2 header does not tell Word from Excel: the name decides
            "bang-so-lieu.xls, OLE2, application/vnd.ms-excel",
            "du-thao.docx, DOCX, " + DOCX_TYPE,
            "so-lieu.xlsx, XLSX, " + XLSX_TYPE,
            "du-thao.odt, ODT, " + ODT_TYPE,
            "so-lieu.ods, ODS, " + ODS_TYPE,
            "so-lieu.csv, CSV, text/csv",
            "so-lieu.csv, CSV_WITH_BOM, text/csv",
            "anh.png, PNG, image/png",
            "anh.jpg, JPEG, image/jpeg",
            "anh.jpeg, JPEG, image/jpeg"
    })
    void eachAllowedTypeIsDetectedFromItsBytes(String fileName, Content content, String expected) throws IOException {
        assertEquals(Optional.of(expected), detect(content, fileName));
    }

    @ParameterizedTest(name = "{0} holding {1} -> {2}")
    @CsvSource({
            "BÁO CÁO.PDF, PDF, application/pdf",
            "ANH.JPG, JPEG, image/jpeg",
            "Anh.Jpeg, JPEG, image/jpeg",
            "Du.Thao.DocX, DOCX, " + DOCX_TYPE,
            "SO-LIEU.CSV, CSV, text/csv",
            "BIEN-BAN.XLS, OLE2, application/vnd.ms-excel"
    })
    void anUpperCaseExtensionIsTheSameExtension(String fileName, Content content, String expected) throws IOException {
        assertEquals(Optional.of(expected), detect(content, fileName));
    }

    @ParameterizedTest(name = "{0} holding {1} is refused")
    @CsvSource({
            "report.pdf, PNG", "anh.png, JPEG", "anh.jpg, PNG", "anh.jpeg, PDF",
            "du-thao.docx, OLE2", "so-lieu.xlsx, OLE2", "du-thao.odt, OLE2", "so-lieu.csv, OLE2",
            "bien-ban.doc, DOCX", "bang-so-lieu.xls, XLSX", "so-lieu.xlsx, DOCX", "du-thao.docx, XLSX",
            "du-thao.odt, ODS", "so-lieu.ods, ODT", "du-thao.odt, DOCX", "du-thao.docx, ODT",
            "so-lieu.csv, PDF", "so-lieu.csv, XLSX", "so-lieu.csv, PNG", "report.pdf, CSV", "anh.png, CSV"
    })
    void aNameWhoseExtensionDisagreesWithTheBytesIsRefused(String fileName, Content content) throws IOException {
        assertEquals(Optional.empty(), detect(content, fileName));
    }

    @ParameterizedTest(name = "{0} holding {1} is refused")
    @CsvSource({
            "setup.exe, EXE", "setup.pdf, EXE", "setup.csv, EXE",
            "trang.html, HTML", "trang.htm, HTML",
            "luu-tru.zip, ZIP", "luu-tru.docx, ZIP", "luu-tru.xlsx, ZIP", "luu-tru.odt, ZIP", "luu-tru.csv, ZIP",
            "sach.epub, EPUB", "sach.odt, EPUB",
            "trinh-chieu.pptx, PPTX", "trinh-chieu.docx, PPTX",
            "du-thao.docx, WORD_PART_ONLY",
            "hong.docx, BROKEN_ZIP", "hong.csv, BROKEN_ZIP",
            "ghi-chu.txt, CSV", "anh.gif, PNG", "du-thao.rtf, DOCX"
    })
    void aTypeThatIsNotAllowedIsRefused(String fileName, Content content) throws IOException {
        assertEquals(Optional.empty(), detect(content, fileName));
    }

    @ParameterizedTest(name = "{0} holding {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "latin1.csv, LATIN1, -",
            "cut.csv, TRUNCATED_UTF8, -",
            "overlong.csv, OVERLONG_UTF8, -",
            "nul.csv, WITH_NUL, -",
            "c1.csv, WITH_C1_CONTROL, -",
            "late.csv, LONG_WITH_LATE_CONTROL, -",
            "long.csv, LONG_STRADDLING, text/csv",
            // any UTF-8 text passes as CSV, markup included, and so do no bytes at all
            "trang.csv, HTML, text/csv",
            "empty.csv, EMPTY, text/csv",
            "empty.pdf, EMPTY, -"
    })
    void onlyValidUtf8TextWithoutControlCharactersPassesAsCsv(String fileName, Content content, String expected)
            throws IOException {
        assertEquals(Optional.ofNullable(expected), detect(content, fileName));
    }

    @ParameterizedTest(name = "''{0}'' holding {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "'', PDF, -",
            "pdf, PDF, -",
            "report., PDF, -",
            "'report.pdf ', PDF, -",
            "report.exe.pdf, PDF, application/pdf",
            "report.pdf.exe, PDF, -",
            // a name that is only an extension still names the type
            ".pdf, PDF, application/pdf"
    })
    void theLastExtensionOfTheNameNamesTheExpectedType(String fileName, Content content, String expected)
            throws IOException {
        assertEquals(Optional.ofNullable(expected), detect(content, fileName));
    }

    @ParameterizedTest
    @CsvSource({ "report.PDF, pdf", "du.thao.DocX, docx", "no-extension, ''", "'', ''", ".hidden, hidden", "trailing., ''" })
    void theExtensionIsAfterTheLastDotInLowerCase(String fileName, String extension) {
        assertEquals(extension, FileTypes.extension(fileName));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** A zip of name, content, name, content, ... */
    private static byte[] zip(String... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry(entries[i]));
                zip.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
