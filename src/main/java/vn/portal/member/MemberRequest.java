package vn.portal.member;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.OASFilter;
import vn.portal.access.MemberRole;
import vn.portal.common.json.BodySpec;
import vn.portal.common.json.BodySpec.Field;
import vn.portal.common.openapi.RequestSchemas;

/** A new member of a subcommittee; {@link #SPEC} declares its body and that of its merge patch, {@link MemberPatch}. */
public record MemberRequest(String fullName, String position, String organization, MemberRole role, String email,
        String phone, Boolean active, Long userId, LocalDate joinedOn, LocalDate leftOn) {

    public static final BodySpec<MemberRequest, MemberPatch> SPEC = BodySpec.named("Member")
            .field(Field.text("fullName").required().max(200).example("Nguyễn Thị Lan"))
            .field(Field.text("position").example("Phó Trưởng ban Tuyên giáo Thành ủy").description("Chức vụ"))
            .field(Field.text("organization").example("Ban Tuyên giáo Thành ủy").description("Đơn vị công tác"))
            .field(Field.enumOf("role", MemberRole.class).required().example("MEMBER")
                    .description("At most one active HEAD per subcommittee"))
            .field(Field.email("email").required().example("lan.nt@thanhuy.vn")
                    .description("Unique within the subcommittee, compared ignoring case"))
            .field(Field.text("phone").max(30).example("0912 345 678"))
            .field(Field.bool("active").defaulted().example(true).description("true by default"))
            .field(Field.id("userId").description("The login linked to this member"))
            .field(Field.date("joinedOn").example("2020-02-20"))
            .field(Field.date("leftOn").description("Not before joinedOn"))
            .readOnly("id", "subcommitteeId", "createdAt", "updatedAt", "version")
            .binding(MemberRequest.class, MemberPatch.class);

    /** The request as the merge patch that applies it to a new member. */
    MemberPatch asPatch() {
        return BodySpec.asPatch(this, MemberPatch.class);
    }

    /** Contributes the member's bodies to the contract. */
    @OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 90)
    public static final class Schemas extends RequestSchemas implements OASFilter {
        public Schemas() {
            super(SPEC);
        }
    }
}
