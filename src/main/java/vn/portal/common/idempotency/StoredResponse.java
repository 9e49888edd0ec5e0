package vn.portal.common.idempotency;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/** The first answer to a request with an Idempotency-Key, as it is replayed: status, body, Location and ETag. */
record StoredResponse(int status, String type, String location, String etag, String body) {

    /** Says that an answer is a replay of the first one, not the outcome of this request. */
    static final String REPLAYED = "Idempotent-Replayed";

    Response toResponse() {
        Response.ResponseBuilder builder = Response.status(status).header(REPLAYED, "true");
        if (body != null) {
            builder.type(type).entity(body.getBytes(StandardCharsets.UTF_8));
        }
        if (location != null) {
            builder.header(HttpHeaders.LOCATION, location);
        }
        if (etag != null) {
            builder.header(HttpHeaders.ETAG, etag);
        }
        return builder.build();
    }
}
