package vn.portal.member;

import java.time.LocalDate;
import vn.portal.access.MemberRole;
import vn.portal.common.json.Patch;

/** A merge patch of a member: each field absent, or sent with a value (null clears an optional one). */
public record MemberPatch(Patch<String> fullName, Patch<String> position, Patch<String> organization,
        Patch<MemberRole> role, Patch<String> email, Patch<String> phone, Patch<Boolean> active, Patch<Long> userId,
        Patch<LocalDate> joinedOn, Patch<LocalDate> leftOn) {
}
