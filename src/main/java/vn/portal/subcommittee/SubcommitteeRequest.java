package vn.portal.subcommittee;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import vn.portal.common.json.BodySpec;
import vn.portal.common.json.BodySpec.Field;
import vn.portal.common.openapi.RequestSchemas;

/** A new subcommittee; {@link #SPEC} declares its body and that of its merge patch, {@link SubcommitteePatch}. */
public record SubcommitteeRequest(String code, String name, SubcommitteeKind kind, String congress, Integer termStart,
        Integer termEnd, String description, SubcommitteeStatus status) {

    public static final BodySpec<SubcommitteeRequest, SubcommitteePatch> SPEC = BodySpec.named("Subcommittee")
            .field(Field.text("code").required().max(40).pattern("[A-Za-z0-9-]+", "must use only A-Z, a-z, 0-9 and -")
                    .example("VK-DH25").description("Unique, compared ignoring case"))
            .field(Field.text("name").required().example("Tiểu ban Văn kiện Đại hội XXV"))
            .field(Field.enumOf("kind", SubcommitteeKind.class).required().example("DOCUMENTS"))
            .field(Field.text("congress").required().example("Đại hội đại biểu Đảng bộ Thành phố lần thứ XXV"))
            .field(Field.year("termStart").required().example(2020))
            .field(Field.year("termEnd").required().example(2025).description("Not before termStart"))
            .field(Field.longText("description", 10_000).example("Chuẩn bị các văn kiện trình Đại hội."))
            .field(Field.enumOf("status", SubcommitteeStatus.class).defaulted().example("ACTIVE")
                    .description("ACTIVE by default; only setting it back to ACTIVE is allowed while ARCHIVED"))
            .readOnly("id", "headMemberId", "createdAt", "updatedAt", "version")
            .binding(SubcommitteeRequest.class, SubcommitteePatch.class);

    /** The request as the merge patch that applies it to a new subcommittee. */
    SubcommitteePatch asPatch() {
        return BodySpec.asPatch(this, SubcommitteePatch.class);
    }

    /** Contributes the subcommittee's bodies to the contract. */
    @OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 100)
    public static final class Schemas extends RequestSchemas implements OASFilter {
        public Schemas() {
            super(SPEC);
        }
    }
}
