package vn.portal.user;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.portal.access.GlobalRole;
import vn.portal.access.MemberRole;
import vn.portal.common.concurrency.SingleResource;

/** Who the caller is, and where they act by which role. */
@Schema(name = "Me")
public record MeView(
        long id,
        @Schema(example = "hai.lm") String username,
        @Schema(nullable = true) String displayName,
        List<GlobalRole> roles,
        List<Membership> memberships) implements SingleResource {

    /** An active member record linked to the caller. */
    @Schema(name = "Membership")
    public record Membership(long subcommitteeId,
            @Schema(example = "Tiểu ban Văn kiện Đại hội XXV") String subcommitteeName,
            long memberId,
            MemberRole role) {
    }
}
