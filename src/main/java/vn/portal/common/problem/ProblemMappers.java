package vn.portal.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

/** The one place where exceptions become problem+json. Nothing else writes an error body. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** The attribute of a refused login that says it was throttled: the seconds until the next attempt is taken. */
    public static final String RETRY_AFTER_ATTRIBUTE = "portal.retry-after-seconds";

    @Inject
    ObjectMapper mapper;

    @Inject
    AllowedMethods allowedMethods;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return toResponse(e);
    }

    /** Credentials that were sent and refused, or refused for now after too many failures. */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        Long retryAfter = e.getAttribute(RETRY_AFTER_ATTRIBUTE);
        if (retryAfter != null) {
            return toResponse(new ProblemException(ErrorCode.TOO_MANY_REQUESTS,
                    "Too many failed logins for this user name; try again after Retry-After seconds.")
                    .withHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter)));
        }
        return toResponse(ProblemException.credentialsRefused());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return toResponse(ProblemException.unauthenticated());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return toResponse(new ProblemException(ErrorCode.FORBIDDEN, "The caller may not do this."));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request, UriInfo uri) {
        int status = e.getResponse().getStatus();
        ProblemException problem;
        if (e instanceof NotFoundException) {
            problem = ProblemException.notFound("There is no resource at this path.");
        } else if (e instanceof NotAllowedException) {
            String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
            if (allow == null && uri != null) {
                // the path as it was matched: normalised, without dot segments
                allow = allowedMethods.allowHeader(uri.getPath());
            }
            problem = new ProblemException(ErrorCode.METHOD_NOT_ALLOWED, "This path does not take that method.");
            if (allow != null) {
                problem.withHeader(HttpHeaders.ALLOW, allow);
            }
        } else if (e instanceof NotSupportedException) {
            problem = new ProblemException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "This endpoint does not take that Content-Type.");
        } else if (e instanceof NotAcceptableException) {
            problem = new ProblemException(ErrorCode.NOT_ACCEPTABLE,
                    "This endpoint cannot answer in the media type asked for.");
        } else if (status >= 500) {
            return unexpected(e, request);
        } else {
            problem = new ProblemException(status, ErrorCode.forStatus(status).orElse(ErrorCode.ERROR),
                    Response.Status.fromStatusCode(status) == null ? "The request was refused."
                            : Response.Status.fromStatusCode(status).getReasonPhrase() + ".", List.of());
        }
        return toResponse(problem);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        ProblemException known = classify(e, request != null && request.getHeader(HttpHeaders.IF_MATCH) != null);
        if (known != null) {
            if (known.status() >= 500) {
                LOG.warnf("%s %s answered %d %s: %s", request == null ? "?" : request.method(),
                        request == null ? "?" : request.path(), known.status(), known.code(), e);
            }
            return toResponse(known);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, errorId=%s, %s %s", errorId,
                request == null ? "?" : request.method(), request == null ? "?" : request.path());
        return toResponse(new ProblemException(ErrorCode.INTERNAL_ERROR,
                "The service failed unexpectedly. Quote the errorId when reporting it.").with("errorId", errorId));
    }

    /**
     * Failures that are the contract's business: a request body that cannot be read, a rule's
     * constraint that lost a race, or a write that collided with another one (with If-Match, the
     * collision means the tag went stale).
     */
    public static ProblemException classify(Throwable e, boolean hadIfMatch) {
        if (e instanceof IOException || e instanceof MultipartParser.MalformedMessageException) {
            // the service wraps its own I/O failures (UncheckedIOException); a bare one is the
            // framework failing to read the request body: a malformed multipart body (a part header
            // without a colon is not even an IOException), or one cut short
            return new ProblemException(ErrorCode.VALIDATION_FAILED,
                    "The request body could not be read: it is malformed for its Content-Type or was cut short.",
                    List.of(new FieldError("body", "cannot be read as its Content-Type says")));
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem;
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return collision(hadIfMatch);
            }
            if (t instanceof ConstraintViolationException violation) {
                return Constraints.problemFor(violation.getConstraintName())
                        .or(() -> Constraints.problemFor(violation.getSQLException().getMessage()))
                        .orElseGet(() -> collision(hadIfMatch));
            }
            if (t instanceof LockAcquisitionException || t instanceof PessimisticLockException
                    || t instanceof LockTimeoutException) {
                return collision(hadIfMatch);
            }
            if (t instanceof SQLException sql && isConcurrencyFailure(sql)) {
                return collision(hadIfMatch);
            }
            if (t instanceof SQLException sql && isNoConnectionInTime(sql)) {
                return new ProblemException(ErrorCode.SERVICE_UNAVAILABLE,
                        "The service is too busy to take this request now: try again after Retry-After seconds.")
                        .withHeader(HttpHeaders.RETRY_AFTER, "1");
            }
            if (t instanceof JsonProcessingException) {
                return new ProblemException(ErrorCode.MALFORMED_JSON, "The body is not valid JSON.");
            }
        }
        return null;
    }

    private static ProblemException collision(boolean hadIfMatch) {
        return hadIfMatch ? ProblemException.preconditionFailed() : ProblemException.concurrentModification();
    }

    private static boolean isConcurrencyFailure(SQLException sql) {
        String state = sql.getSQLState();
        // 40001 serialization failure, 40P01 deadlock (PostgreSQL); H2: 90131 concurrent update, 50200 lock timeout
        return "40001".equals(state) || "40P01".equals(state) || sql.getErrorCode() == 90131 || sql.getErrorCode() == 50200;
    }

    /**
     * The pool (Agroal) found no free connection, or could not open one, within its acquisition
     * timeout: requests queued behind a busy database, not a failure of this one. Its message is
     * the only sign it gives ("Sorry, acquisition timeout!", "Acquisition timeout while waiting
     * for new connection").
     */
    private static boolean isNoConnectionInTime(SQLException sql) {
        return sql.getSQLState() == null && sql.getMessage() != null
                && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }

    private Response toResponse(ProblemException e) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(Problem.of(e));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        Response.ResponseBuilder builder = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(json);
        e.headers().forEach(builder::header);
        return builder.build();
    }
}
