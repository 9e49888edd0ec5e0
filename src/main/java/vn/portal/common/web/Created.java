package vn.portal.common.web;

import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.RestResponse;

/** A {@code 201} whose {@code Location} stays relative, as the contract says (`/api/v1/members/42`). */
public final class Created {

    private Created() {
    }

    public static <T> RestResponse<T> at(String location, T body) {
        return RestResponse.ResponseBuilder.<T>create(RestResponse.Status.CREATED)
                .header(HttpHeaders.LOCATION, location)
                .entity(body)
                .build();
    }
}
