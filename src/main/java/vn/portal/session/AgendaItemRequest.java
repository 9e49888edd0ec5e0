package vn.portal.session;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import vn.portal.common.json.BodySpec;
import vn.portal.common.json.BodySpec.Field;
import vn.portal.common.openapi.RequestSchemas;

/** A new agenda item; {@link #SPEC} declares its body and that of its merge patch, {@link AgendaItemPatch}. */
public record AgendaItemRequest(Integer position, String title, Long presenterMemberId, Integer durationMinutes,
        Long documentId) {

    /** More items than any meeting has; it bounds the position a body may name. */
    static final int MAX_ITEMS = 1000;

    public static final BodySpec<AgendaItemRequest, AgendaItemPatch> SPEC = BodySpec.named("AgendaItem")
            .field(Field.integer("position", 1, MAX_ITEMS).defaulted().example(1)
                    .description("1-based; inserting at or moving to a place renumbers the others, without gaps; "
                            + "at the end by default; at most one past the last"))
            .field(Field.text("title").required().example("Thông qua Quy chế làm việc của Tiểu ban"))
            .field(Field.id("presenterMemberId").description("A member of the subcommittee"))
            .field(Field.integer("durationMinutes", 0, 1440).example(30))
            .field(Field.id("documentId").description("A document of the subcommittee under discussion; "
                    + "refused while the service holds no documents"))
            .readOnly("id", "sessionId", "createdAt", "updatedAt", "version")
            .binding(AgendaItemRequest.class, AgendaItemPatch.class);

    AgendaItemPatch asPatch() {
        return BodySpec.asPatch(this, AgendaItemPatch.class);
    }

    /** Contributes the agenda item's bodies to the contract. */
    @OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 29)
    public static final class Schemas extends RequestSchemas implements OASFilter {
        public Schemas() {
            super(SPEC);
        }
    }
}
