package vn.portal.infra.http;

/**
 * Where this package's handlers sit on the Vert.x router, ahead of the login and of Quarkus REST.
 * Kept together because their order matters and routes of equal order run in the order they were
 * added, which CDI does not fix.
 */
final class RouteOrder {

    /** First, so that every answer, early refusals included, is logged and carries its request id. */
    static final int ACCESS_LOG = Integer.MIN_VALUE;
    /** Before any refusal, so that a front end can read even an early 413 or 503. */
    static final int CORS = Integer.MIN_VALUE + 1;
    /** Before the body is read. */
    static final int EARLY_LIMITS = Integer.MIN_VALUE + 2;
    static final int GRACEFUL_SHUTDOWN = Integer.MIN_VALUE + 3;
    /** Only adds a headers-end handler: anywhere before Swagger UI's own route. */
    static final int SWAGGER_UI_HEADERS = Integer.MIN_VALUE + 4;

    private RouteOrder() {
    }
}
