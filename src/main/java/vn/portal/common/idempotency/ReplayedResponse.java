package vn.portal.common.idempotency;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Carries a stored answer out of the resource method, whatever that method's return type, to
 * be sent as it is.
 */
class ReplayedResponse extends RuntimeException {

    final transient StoredResponse response;

    ReplayedResponse(StoredResponse response) {
        super(null, null, false, false);
        this.response = response;
    }

    static class Mapper {

        @ServerExceptionMapper
        public Response replay(ReplayedResponse replayed) {
            return replayed.response.toResponse();
        }
    }
}
