package vn.portal.events;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A place in the feed as clients hold it: opaque text (base64url of {@code v1:<position>}), so that
 * its form can change without breaking them. The position is the last one read.
 */
final class EventCursor {

    private static final String PREFIX = "v1:";
    private static final Pattern FORM = Pattern.compile("v1:(0|[1-9][0-9]{0,17})");
    private static final int MAX_LENGTH = 40;

    private EventCursor() {
    }

    static String of(long position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + position).getBytes(StandardCharsets.US_ASCII));
    }

    /** The position a cursor names, or null for text that is not a cursor of this feed. */
    static Long position(String cursor) {
        if (cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!FORM.matcher(text).matches()) {
                return null;
            }
            long position = Long.parseLong(text.substring(PREFIX.length()));
            // only the one spelling the feed gives (no padding, no stray bits in the last character)
            return cursor.equals(of(position)) ? position : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
