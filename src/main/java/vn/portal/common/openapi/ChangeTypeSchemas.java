package vn.portal.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import vn.portal.common.write.ChangeTypes;

/**
 * Lists the entity types and event types in the contract from {@link ChangeTypes}, the one list the
 * write path checks every write against: the audit entry's and the event's {@code entityType}, the
 * event's {@code type}, so a generated client knows every value it can get.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 30)
public class ChangeTypeSchemas implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        for (String name : List.of("AuditEntry", "Event")) {
            if (schemas.containsKey(name)) {
                schemas.get(name).getProperties().get("entityType").setEnumeration(new ArrayList<>(ChangeTypes.entityTypes()));
            }
        }
        if (schemas.containsKey("Event")) {
            schemas.get("Event").getProperties().get("type").setEnumeration(new ArrayList<>(ChangeTypes.eventTypes()));
        }
    }
}
