package vn.portal.common.problem;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Exists only in tests: an endpoint with a bug, to see what an unexpected failure looks like. */
@Path("/test-only/failure")
public class FailingResource {

    static final String SECRET = "SELECT secret FROM internal_table";

    @GET
    @Operation(hidden = true)
    public String fail() {
        throw new IllegalStateException("java.lang.Bug in " + SECRET);
    }
}
