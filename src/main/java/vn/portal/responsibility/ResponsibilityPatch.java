package vn.portal.responsibility;

import java.time.LocalDate;
import vn.portal.common.json.Patch;

/** A merge patch of a responsibility: each field absent, or sent with a value (null clears an optional one). */
public record ResponsibilityPatch(Patch<Long> memberId, Patch<String> area, Patch<String> documentSection,
        Patch<String> title, Patch<String> description, Patch<ResponsibilityRole> role, Patch<LocalDate> dueOn) {
}
