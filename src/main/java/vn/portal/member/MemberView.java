package vn.portal.member;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.portal.access.MemberRole;
import vn.portal.common.concurrency.SingleResource;

@Schema(name = "Member")
public record MemberView(
        long id,
        long subcommitteeId,
        @Schema(example = "Nguyễn Thị Lan") String fullName,
        @Schema(example = "Phó Trưởng ban Tuyên giáo Thành ủy", nullable = true) String position,
        @Schema(example = "Ban Tuyên giáo Thành ủy", nullable = true) String organization,
        MemberRole role,
        @Schema(example = "lan.nt@thanhuy.vn") String email,
        @Schema(example = "0912 345 678", nullable = true) String phone,
        boolean active,
        @Schema(nullable = true) Long userId,
        @Schema(nullable = true) LocalDate joinedOn,
        @Schema(nullable = true) LocalDate leftOn,
        Instant createdAt,
        Instant updatedAt,
        long version) implements SingleResource {

    static MemberView of(Member m) {
        return new MemberView(m.id, m.subcommitteeId, m.fullName, m.position, m.organization, m.role, m.email, m.phone,
                m.active, m.userId, m.joinedOn, m.leftOn, m.createdAt, m.updatedAt, m.version);
    }
}
