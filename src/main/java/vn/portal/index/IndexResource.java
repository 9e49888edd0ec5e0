package vn.portal.index;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.portal.common.concurrency.SingleResource;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Index", description = "Where to start")
public class IndexResource {

    /** The API's name, version and the links to its collections; needs no login. */
    public record ApiIndex(String name, String version, Map<String, String> links) implements SingleResource {
    }

    private static final ApiIndex INDEX = new ApiIndex("Congress document-preparation portal", "v1", links());

    @GET
    @Operation(summary = "The API index", description = "Name, version and links to the collections.")
    public ApiIndex index() {
        return INDEX;
    }

    private static Map<String, String> links() {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", "/api/v1");
        links.put("subcommittees", "/api/v1/subcommittees");
        links.put("members", "/api/v1/subcommittees/{subcommitteeId}/members");
        links.put("responsibilities", "/api/v1/subcommittees/{subcommitteeId}/responsibilities");
        links.put("responsibilityMatrix", "/api/v1/subcommittees/{subcommitteeId}/responsibility-matrix");
        links.put("milestones", "/api/v1/subcommittees/{subcommitteeId}/milestones");
        links.put("openapi", "/q/openapi");
        links.put("health", "/q/health");
        return links;
    }
}
