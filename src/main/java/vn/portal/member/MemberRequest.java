package vn.portal.member;

import vn.portal.access.MemberRole;
import vn.portal.common.json.BodySpec;
import vn.portal.common.json.BodySpec.Field;

/** The body of a member's create and merge-patch. */
public final class MemberRequest {

    public static final BodySpec SPEC = BodySpec.named("Member")
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
            .readOnly("id", "subcommitteeId", "createdAt", "updatedAt", "version");

    private MemberRequest() {
    }
}
