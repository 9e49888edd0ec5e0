package vn.portal.milestone;

import java.time.LocalDate;
import java.util.List;
import vn.portal.common.json.Patch;

/** A merge patch of a milestone: each field absent, or sent with a value (null clears an optional one). */
public record MilestonePatch(Patch<String> title, Patch<String> description, Patch<LocalDate> dueOn,
        Patch<MilestoneStatus> status, Patch<List<Long>> responsibilityIds) {
}
