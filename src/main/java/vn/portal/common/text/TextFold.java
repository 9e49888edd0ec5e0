package vn.portal.common.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one text fold of the contract: used for search, for comparing area and document section,
 * and for sorting text. "  Văn hóa – Xã hội " and "van hoa - xa hoi" fold to the same string.
 */
public final class TextFold {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern DASHES = Pattern.compile("[\\u2010\\u2011\\u2012\\u2013\\u2014\\u2015\\u2212\\uFE58\\uFE63\\uFF0D]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    private TextFold() {
    }

    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        // đ/Đ carry no combining mark, so NFD leaves them alone: map them first.
        String s = text.replace('đ', 'd').replace('Đ', 'D');
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        s = s.toLowerCase(Locale.ROOT);
        s = DASHES.matcher(s).replaceAll("-");
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    /** The words of a search query, folded; empty when the query is blank. */
    public static List<String> words(String query) {
        String folded = fold(query);
        if (folded == null || folded.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(folded.split(" "));
    }

    /** Joins folded fields for a search column; a newline keeps a query word from spanning two fields. */
    public static String searchText(String... fields) {
        StringBuilder sb = new StringBuilder();
        for (String field : fields) {
            if (field != null && !field.isBlank()) {
                if (!sb.isEmpty()) {
                    sb.append('\n');
                }
                sb.append(fold(field));
            }
        }
        return sb.toString();
    }

    /** A LIKE pattern that finds {@code word} anywhere, with %, _ and the escape itself taken literally. */
    public static String containsPattern(String word) {
        StringBuilder sb = new StringBuilder("%");
        for (char c : word.toCharArray()) {
            if (c == '%' || c == '_' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('%').toString();
    }
}
