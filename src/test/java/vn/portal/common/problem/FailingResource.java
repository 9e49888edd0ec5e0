package vn.portal.common.problem;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.portal.common.idempotency.Idempotent;

/** Exists only in tests: an endpoint with a bug, to see what an unexpected failure looks like. */
@Path("/test-only/failure")
public class FailingResource {

    static final String SECRET = "SELECT secret FROM internal_table";

    private static final AtomicInteger FLAKY_CALLS = new AtomicInteger();

    @GET
    @Operation(hidden = true)
    public String fail() {
        throw new IllegalStateException("java.lang.Bug in " + SECRET);
    }

    /** Fails on every odd call, answers on every even one: a POST that a retry may cure. */
    @POST
    @Idempotent
    @Path("flaky")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, Integer> flaky() {
        int call = FLAKY_CALLS.incrementAndGet();
        if (call % 2 == 1) {
            throw new IllegalStateException("flaky call " + call);
        }
        return Map.of("call", call);
    }
}
