package vn.portal.subcommittee;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.portal.common.concurrency.SingleResource;

@Schema(name = "Subcommittee")
public record SubcommitteeView(
        long id,
        @Schema(example = "VK-DH25") String code,
        @Schema(example = "Tiểu ban Văn kiện Đại hội XXV") String name,
        SubcommitteeKind kind,
        @Schema(example = "Đại hội đại biểu Đảng bộ Thành phố lần thứ XXV") String congress,
        @Schema(example = "2020") int termStart,
        @Schema(example = "2025") int termEnd,
        @Schema(example = "Chuẩn bị các văn kiện trình Đại hội.", nullable = true) String description,
        SubcommitteeStatus status,
        @Schema(description = "The active HEAD member, if any", nullable = true) Long headMemberId,
        Instant createdAt,
        Instant updatedAt,
        long version) implements SingleResource {

    static SubcommitteeView of(Subcommittee s, Long headMemberId) {
        return new SubcommitteeView(s.id, s.code, s.name, s.kind, s.congress, s.termStart, s.termEnd, s.description,
                s.status, headMemberId, s.createdAt, s.updatedAt, s.version);
    }
}
