package vn.portal.session;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.time.Instant;
import org.eclipse.microprofile.openapi.OASFilter;
import vn.portal.common.json.BodySpec;
import vn.portal.common.json.BodySpec.Field;
import vn.portal.common.json.NoFields;
import vn.portal.common.openapi.RequestSchemas;

/**
 * A new session (PLANNED); {@link #SPEC} declares its body and that of its merge patch,
 * {@link SessionPatch}, {@link #ACTION} the body of start and close, {@link #CANCEL} that of cancel.
 */
public record SessionRequest(String title, Instant startsAt, Instant endsAt, String location, Long chairMemberId,
        String minutes) {

    public static final int MAX_MINUTES_BYTES = 1024 * 1024;

    public static final BodySpec<SessionRequest, SessionPatch> SPEC = BodySpec.named("Session")
            .field(Field.text("title").required().example("Phiên họp thứ nhất của Tiểu ban Văn kiện"))
            .field(Field.instant("startsAt").required().example("2020-02-20T08:00:00+07:00"))
            .field(Field.instant("endsAt").example("2020-02-20T11:30:00+07:00").description("Not before startsAt"))
            .field(Field.text("location").example("Hội trường Thành ủy"))
            .field(Field.id("chairMemberId").description("An active member of the subcommittee; the active HEAD by default"))
            .field(Field.longText("minutes", MAX_MINUTES_BYTES).maxUtf8Bytes(MAX_MINUTES_BYTES)
                    .example("Tiểu ban đã thảo luận và thông qua Quy chế làm việc.")
                    .description("Biên bản: at most 1 MiB of UTF-8; needed to close the session"))
            .readOnly("id", "subcommitteeId", "number", "status", "cancelReason", "attendance", "quorumMet", "closedAt",
                    "allowedActions", "createdAt", "updatedAt", "version")
            .binding(SessionRequest.class, SessionPatch.class);

    /** start and close take no fields; their body may be left out. */
    public static final BodySpec<NoFields, Void> ACTION = BodySpec.named("SessionAction")
            .creating(NoFields.class, "SessionAction");

    public static final BodySpec<CancelRequest, Void> CANCEL = BodySpec.named("SessionCancel")
            .field(Field.longText("reason", 20_000).required().example("Hoãn để lấy thêm ý kiến các khối ngành."))
            .creating(CancelRequest.class, "SessionCancel");

    public static final BodySpec<AttendanceRequest, Void> ATTENDANCE = BodySpec.named("Attendance")
            .field(Field.enumOf("status", AttendanceStatus.class).required().example("PRESENT"))
            .field(Field.longText("note", 20_000).example("Đi công tác, có ý kiến bằng văn bản."))
            .readOnly("sessionId", "memberId", "fullName", "role")
            .creating(AttendanceRequest.class, "AttendanceUpdate");

    /** Cancelling a session, and why. */
    public record CancelRequest(String reason) {
    }

    /** How one invited member attended. */
    public record AttendanceRequest(AttendanceStatus status, String note) {
    }

    SessionPatch asPatch() {
        return BodySpec.asPatch(this, SessionPatch.class);
    }

    /** Contributes the session's bodies, and those of its actions and attendance, to the contract. */
    @OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 30)
    public static final class Schemas extends RequestSchemas implements OASFilter {
        public Schemas() {
            super(SPEC, ACTION, CANCEL, ATTENDANCE);
        }
    }
}
