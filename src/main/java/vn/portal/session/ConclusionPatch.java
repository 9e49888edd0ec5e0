package vn.portal.session;

import java.time.LocalDate;
import java.util.List;
import vn.portal.common.json.Patch;
import vn.portal.responsibility.ResponsibilityRole;

/** A merge patch of a conclusion; the result must still be a whole conclusion of its kind. */
public record ConclusionPatch(Patch<ConclusionKind> kind, Patch<String> text, Patch<Long> agendaItemId,
        Patch<Long> memberId, Patch<String> area, Patch<String> documentSection, Patch<ResponsibilityRole> role,
        Patch<String> title, Patch<LocalDate> dueOn, Patch<List<Long>> responsibilityIds, Patch<Long> documentId,
        Patch<Integer> documentVersion) {
}
