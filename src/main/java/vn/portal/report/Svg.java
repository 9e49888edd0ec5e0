package vn.portal.report;

/**
 * Writes an SVG 1.1 document element by element, escaping every attribute value and text, so
 * that what the caller typed (a title with {@code <&"}) can never become markup.
 */
final class Svg {

    static final String NAMESPACE = "http://www.w3.org/2000/svg";

    private final StringBuilder out = new StringBuilder(8192);
    private int depth;

    /** Opens the root element: a drawing of {@code width} by {@code height} user units. */
    Svg(int width, int height, String title) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        open("svg", "xmlns", NAMESPACE, "version", "1.1", "width", width, "height", height, "viewBox",
                "0 0 " + width + " " + height);
        element("title", title);
    }

    /** An element with attributes given as name, value, name, value…; null values are left out. */
    Svg open(String name, Object... attributes) {
        indent().append('<').append(name);
        attributes(attributes);
        out.append(">\n");
        depth++;
        return this;
    }

    Svg close(String name) {
        depth--;
        indent().append("</").append(name).append(">\n");
        return this;
    }

    /** An empty element. */
    Svg empty(String name, Object... attributes) {
        indent().append('<').append(name);
        attributes(attributes);
        out.append("/>\n");
        return this;
    }

    /** An element holding only text. */
    Svg element(String name, String text, Object... attributes) {
        indent().append('<').append(name);
        attributes(attributes);
        out.append('>');
        escape(text);
        out.append("</").append(name).append(">\n");
        return this;
    }

    /** Closes the root and answers the document. */
    String finish() {
        close("svg");
        return out.toString();
    }

    private void attributes(Object... attributes) {
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"");
                Object value = attributes[i + 1];
                escape(value instanceof Double d ? number(d) : String.valueOf(value));
                out.append('"');
            }
        }
    }

    /** A coordinate to a tenth of a unit, without a trailing ".0". */
    static String number(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }

    private StringBuilder indent() {
        return out.append("  ".repeat(depth));
    }

    /** Escapes markup and drops what XML 1.0 cannot carry at all (most control characters). */
    private void escape(String text) {
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n', '\r', '\t' -> out.append(' ');
                default -> {
                    if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF && !(c >= 0xD800 && c <= 0xDFFF)) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
    }
}
