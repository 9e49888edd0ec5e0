package vn.portal.submission.attachment;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** File names as people wrote them (Vietnamese letters kept), without any path, and how to send them back. */
public final class FileNames {

    static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    /** The last path segment, composed (NFC), without control characters, trimmed; empty if nothing is left. */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String name = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder kept = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c) && Character.isDefined(c)
                && Character.getType(c) != Character.SURROGATE).forEach(kept::appendCodePoint);
        name = kept.toString().strip();
        if (name.equals(".") || name.equals("..")) {
            return "";
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH));
        }
        return name;
    }

    /**
     * RFC 6266: an ASCII fallback for old clients and the exact UTF-8 name in RFC 5987 form:
     * {@code attachment; filename="So lieu.pdf"; filename*=UTF-8''S%E1%BB%91%20li%E1%BB%87u.pdf}.
     */
    public static String contentDisposition(String fileName) {
        StringBuilder ascii = new StringBuilder();
        for (char c : asciiFold(fileName).toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != ';' ? c : '_');
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncode(fileName);
    }

    /** Drops diacritics (keeping case) so the fallback name stays readable. */
    private static String asciiFold(String name) {
        String s = name.replace('đ', 'd').replace('Đ', 'D');
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    private static String percentEncode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean attrChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0;
            if (attrChar) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
