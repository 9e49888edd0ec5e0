package vn.portal.session;

import java.time.Instant;
import vn.portal.common.json.Patch;

/** A merge patch of a session: each field absent, or sent with a value (null clears an optional one). */
public record SessionPatch(Patch<String> title, Patch<Instant> startsAt, Patch<Instant> endsAt, Patch<String> location,
        Patch<Long> chairMemberId, Patch<String> minutes) {
}
