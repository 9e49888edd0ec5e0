/**
 * What the service does to the HTTP server beneath Quarkus REST, kept apart because it leans on
 * Vert.x and Netty internals (the part most likely to break on a Quarkus upgrade: check these
 * first, with {@code EarlyLimitsTest}, {@code GracefulShutdownIT} and the CORS and guard tests of
 * {@code LoginTest} and {@code ConventionsTest}). Each piece, and the Quarkus 3.33 behaviour it
 * works around:
 * <ul>
 * <li>{@link vn.portal.infra.http.EarlyLimits}, {@link vn.portal.infra.http.Http1BodyMeter},
 * {@link vn.portal.infra.http.Http2BodyMeter}, {@link vn.portal.infra.http.MeteredBody}: the
 * body limits (4 MiB JSON, one 20 MiB file), answered as problem+json as soon as the bytes go
 * over. Vert.x's own {@code quarkus.http.limits.max-body-size} answers an empty {@code 413}
 * before any exception mapper runs, and only after reading up to its limit; a chunked or HTTP/2
 * body is counted only once Vert.x has buffered it. These use Netty's pipeline handler names,
 * {@code io.vertx.core.net.impl.ConnectionBase} and a decorated HTTP/2 frame listener.</li>
 * <li>{@link vn.portal.infra.http.RequestGuards}: RESTEasy Reactive ignores unknown query
 * parameters and charsets, and fails with a 500 on a multipart Content-Type without a usable
 * boundary; the contract refuses all three with a 400 or 415.</li>
 * <li>{@link vn.portal.infra.http.Cors}: Quarkus's CORS filter answers a request from an origin
 * it does not allow with a bare 403; the contract answers it as usual, without CORS headers.</li>
 * <li>{@link vn.portal.infra.http.GracefulShutdown}: Quarkus keeps starting new requests during
 * its shutdown timeout, and the JVM exits 143 on SIGTERM with H2's shutdown hook closing the
 * database under requests still in flight.</li>
 * <li>{@link vn.portal.infra.http.AccessLog}: one log line per request with its route template and
 * user, and the request id in the MDC. Quarkus's own {@code quarkus.http.access-log} knows neither
 * the template (Quarkus REST leaves it in the request's Vert.x context under
 * {@code UrlPathTemplate}, as the metrics read it) nor a lazily authenticated user.</li>
 * <li>{@link vn.portal.infra.http.RouteTemplate}: Micrometer counts a failed request that matched no
 * route under its raw path, and its {@code suppress4xx-errors} drops the route of every failure on
 * a route without parameters; such requests get the one template {@code /UNMATCHED} instead.</li>
 * <li>{@link vn.portal.infra.http.RequestDurations}: the request timer as a histogram with a few
 * buckets; Micrometer's default has none.</li>
 * <li>{@link vn.portal.infra.http.SwaggerUiHeaders}: {@code quarkus.http.header} sets one
 * Content-Security-Policy for every path; Swagger UI's pages need a looser one to run.</li>
 * <li>{@link vn.portal.infra.http.RouteOrder}: where each of these sits on the router.</li>
 * </ul>
 * Nothing here knows a feature; it depends on {@code common} only.
 */
package vn.portal.infra.http;
