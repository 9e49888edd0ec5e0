package vn.portal.session;

import vn.portal.common.json.Patch;

/** A merge patch of an agenda item; a new position moves it and renumbers the others. */
public record AgendaItemPatch(Patch<Integer> position, Patch<String> title, Patch<Long> presenterMemberId,
        Patch<Integer> durationMinutes, Patch<Long> documentId) {
}
