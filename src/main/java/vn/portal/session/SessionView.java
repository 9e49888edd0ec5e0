package vn.portal.session;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.portal.common.concurrency.SingleResource;

@Schema(name = "Session")
public record SessionView(
        long id,
        long subcommitteeId,
        @Schema(description = "1, 2, … per subcommittee: the next free number at creation, never reused", example = "1")
        int number,
        @Schema(example = "Phiên họp thứ nhất của Tiểu ban Văn kiện") String title,
        Instant startsAt,
        @Schema(nullable = true) Instant endsAt,
        @Schema(nullable = true, example = "Hội trường Thành ủy") String location,
        @Schema(nullable = true) Long chairMemberId,
        SessionStatus status,
        @Schema(nullable = true) String minutes,
        @Schema(nullable = true) String cancelReason,
        Counts attendance,
        @Schema(description = "More than half of the invited are PRESENT") boolean quorumMet,
        @Schema(nullable = true) Instant closedAt,
        @Schema(description = "Of start, close, cancel, edit: what the caller may do now",
                examples = { "[\"start\", \"cancel\", \"edit\"]" }) List<String> allowedActions,
        Instant createdAt,
        Instant updatedAt,
        long version) implements SingleResource {

    /** {@code invited}: every member invited; the others: those of them with that status. */
    @Schema(name = "AttendanceCounts")
    public record Counts(int invited, int present, int absent, int excused) {

        static Counts of(List<Attendee> attendees) {
            int present = 0;
            int absent = 0;
            int excused = 0;
            for (Attendee a : attendees) {
                switch (a.status) {
                    case PRESENT -> present++;
                    case ABSENT -> absent++;
                    case EXCUSED -> excused++;
                    case INVITED -> {
                    }
                }
            }
            return new Counts(attendees.size(), present, absent, excused);
        }

        boolean quorum() {
            return present * 2 > invited;
        }
    }

    static SessionView of(Session s, List<String> allowedActions) {
        Counts counts = Counts.of(s.attendees);
        return new SessionView(s.id, s.subcommitteeId, s.number, s.title, s.startsAt, s.endsAt, s.location,
                s.chairMemberId, s.status, s.minutes, s.cancelReason, counts, counts.quorum(), s.closedAt,
                allowedActions, s.createdAt, s.updatedAt, s.version);
    }
}
