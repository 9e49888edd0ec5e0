package vn.portal.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One malformed request: where it goes, its headers exactly as sent (repeats allowed) and its
 * body as bytes. Unless {@link #anonymous}, it is sent as the tests' admin when it names no
 * {@code Authorization} of its own.
 */
final class Case {

    final String operation;
    final String kind;
    String method;
    String path;
    String query;
    final List<Map.Entry<String, String>> headers = new ArrayList<>();
    byte[] body;
    boolean anonymous;
    /**
     * Malformed below HTTP (control characters in a header, a broken Content-Length): Vert.x's
     * own bare 400 is an acceptable answer to it, as the contract allows.
     */
    boolean framing;
    /** Malformed in a way the contract names (not UTF-8, say): a 2xx is wrong too. */
    boolean mustBeRefused;

    Case(String operation, String kind) {
        this.operation = operation;
        this.kind = kind;
    }

    Case copy(String newKind) {
        Case c = new Case(operation, newKind);
        c.method = method;
        c.path = path;
        c.query = query;
        c.headers.addAll(headers);
        c.body = body;
        c.anonymous = anonymous;
        c.framing = framing;
        c.mustBeRefused = mustBeRefused;
        return c;
    }

    /** Sets a header, replacing any of that name. */
    Case header(String name, String value) {
        without(name);
        headers.add(Map.entry(name, value));
        return this;
    }

    /** Adds one more header line, even if one of that name is already there. */
    Case addHeader(String name, String value) {
        headers.add(Map.entry(name, value));
        return this;
    }

    Case without(String name) {
        headers.removeIf(h -> h.getKey().equalsIgnoreCase(name));
        return this;
    }

    String headerValue(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst()
                .orElse(null);
    }

    Case body(String text) {
        this.body = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    Case body(byte[] bytes) {
        this.body = bytes;
        return this;
    }

    Case query(String query) {
        this.query = query;
        return this;
    }

    Case path(String path) {
        this.path = path;
        return this;
    }

    Case method(String method) {
        this.method = method;
        return this;
    }

    Case anonymous() {
        this.anonymous = true;
        return without("Authorization");
    }

    Case framing() {
        this.framing = true;
        return this;
    }

    Case mustBeRefused() {
        this.mustBeRefused = true;
        return this;
    }

    /**
     * Below HTTP: marked so, or a request-target that is not an origin-form URI (Quarkus answers
     * those with a bare 400 before any handler of ours runs).
     */
    boolean belowHttp() {
        if (framing) {
            return true;
        }
        String target = target();
        if (!target.startsWith("/") || !target.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
            return true;
        }
        try {
            new java.net.URI(target);
            return false;
        } catch (java.net.URISyntaxException e) {
            return true;
        }
    }

    String target() {
        return path + (query == null ? "" : "?" + query);
    }

    /** The request, shortened, for a failure report. */
    String describe() {
        StringBuilder text = new StringBuilder();
        text.append(method).append(' ').append(shorten(target(), 300)).append("  [").append(operation).append(" / ")
                .append(kind).append(']');
        for (Map.Entry<String, String> h : headers) {
            text.append("\n    ").append(h.getKey()).append(": ").append(shorten(printable(h.getValue()), 200));
        }
        if (anonymous) {
            text.append("\n    (anonymous)");
        }
        if (body != null) {
            text.append("\n    body (").append(body.length).append(" bytes): ")
                    .append(shorten(printable(new String(body, StandardCharsets.ISO_8859_1)), 300));
        }
        return text.toString();
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "… (" + text.length() + " chars)";
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(2000).forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
