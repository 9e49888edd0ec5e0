package vn.portal.responsibility;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.portal.access.MemberRole;
import vn.portal.common.concurrency.SingleResource;

/**
 * Who leads and who supports each (area, document section), which sections nobody leads, and
 * which active members have no task: the overlap and the gaps at one glance.
 */
public record ResponsibilityMatrix(List<Row> rows, List<Section> sectionsWithoutLead,
        List<IdleMember> membersWithoutResponsibility) implements SingleResource {

    public record Row(String area, String documentSection,
            @Schema(nullable = true, description = "null when nobody leads the section") Holder lead, List<Holder> supports) {
    }

    public record Holder(long responsibilityId, long memberId, String fullName) {
    }

    public record Section(String area, String documentSection) {
    }

    public record IdleMember(long memberId, String fullName, MemberRole role) {
    }
}
