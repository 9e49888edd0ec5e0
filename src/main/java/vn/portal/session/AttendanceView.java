package vn.portal.session;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Everyone invited to a session, by member id, with the session's counts. */
@Schema(name = "AttendanceList")
public record AttendanceView(List<AttendeeView> items, SessionView.Counts attendance, boolean quorumMet) {
}
