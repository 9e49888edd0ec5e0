package vn.portal.session;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.portal.access.MemberRole;
import vn.portal.common.concurrency.SingleResource;

/** One invited member of a session: who, and how they attended. */
@Schema(name = "Attendance")
public record AttendeeView(
        long sessionId,
        long memberId,
        @Schema(nullable = true, description = "The member's name; null once the member was deleted") String fullName,
        @Schema(nullable = true) MemberRole role,
        AttendanceStatus status,
        @Schema(nullable = true) String note) implements SingleResource {
}
