package vn.portal.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import vn.portal.common.concurrency.ETags;
import vn.portal.common.concurrency.SingleResource;
import vn.portal.common.problem.Problem;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.problem.ProblemMappers;

/**
 * {@code Idempotency-Key} on a POST: the first request with a key runs and its answer is kept
 * for 24 hours; the same user sending the same key with the same request gets that answer again
 * and nothing new happens; with another request, {@code 422 IDEMPOTENCY_KEY_REUSED}; while the
 * first still runs, {@code 409 IDEMPOTENCY_KEY_IN_USE}. A {@code 5xx} is not kept.
 *
 * <p>The resource method runs inside a transaction begun here, which the service's own joins,
 * and the answer is stored in it: a change is never committed without its answer, so a retry
 * after a crash either replays it or runs for the first time, never twice.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";

    @Inject
    HttpServerRequest request;

    @Inject
    KeyOwner owner;

    @Inject
    RequestFingerprint fingerprint;

    @Inject
    IdempotencyStore store;

    @Inject
    ETags etags;

    @Inject
    ObjectMapper mapper;

    @AroundInvoke
    Object once(InvocationContext invocation) throws Exception {
        String key = request.getHeader(HEADER);
        if (key == null) {
            return invocation.proceed();
        }
        requireValid(key);
        long userId = owner.currentUserId();
        String path = request.query() == null ? request.path() : request.path() + '?' + request.query();
        IdempotencyStore.Claim claim = store.claim(userId, key,
                fingerprint.of(request.method().name(), path, invocation));
        try {
            return QuarkusTransaction.joiningExisting().call(() -> {
                Object result = invocation.proceed();
                store.answerInTransaction(claim, stored(result));
                return result;
            });
        } catch (QuarkusTransactionException wrapped) {
            throw answerFailure(claim, wrapped.getCause() instanceof Exception cause ? cause : wrapped);
        } catch (Exception failure) {
            throw answerFailure(claim, failure);
        }
    }

    /** Keeps a refusal (4xx) as the key's answer; forgets the key after a failure (5xx), so a retry runs again. */
    private Exception answerFailure(IdempotencyStore.Claim claim, Exception failure) {
        ProblemException problem = ProblemMappers.classify(failure, request.getHeader(HttpHeaders.IF_MATCH) != null);
        if (problem != null && problem.status() < 500) {
            store.answerAfterRollback(claim, new StoredResponse(problem.status(), Problem.MEDIA_TYPE, null, null,
                    json(Problem.of(problem))));
            return problem;
        }
        store.release(claim);
        return failure;
    }

    private StoredResponse stored(Object result) {
        if (result instanceof RestResponse<?> response) {
            return stored(response.getStatus(), response.getMediaType(), response.getHeaderString(HttpHeaders.LOCATION),
                    response.getHeaderString(HttpHeaders.ETAG), response.getEntity());
        }
        if (result instanceof Response response) {
            return stored(response.getStatus(), response.getMediaType(), response.getHeaderString(HttpHeaders.LOCATION),
                    response.getHeaderString(HttpHeaders.ETAG), response.getEntity());
        }
        return stored(result == null ? 204 : 200, null, null, null, result);
    }

    /** The answer as kept: without what is shown once, with the ETag the resource or its answer gave. */
    private StoredResponse stored(int status, MediaType type, String location, String answeredTag, Object answered) {
        Object entity = answered instanceof ShownOnce once ? once.replayed() : answered;
        String etag = entity instanceof SingleResource view ? etags.of(view) : answeredTag;
        String body = entity == null ? null : json(entity);
        String mediaType = type == null ? MediaType.APPLICATION_JSON : type.toString();
        return new StoredResponse(status, mediaType, location, etag, body);
    }

    private String json(Object entity) {
        try {
            return mapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot keep the answer of a request with an Idempotency-Key", e);
        }
    }

    /** 1–255 printable ASCII characters, as the contract says. */
    static void requireValid(String key) {
        boolean printable = !key.isEmpty() && key.length() <= 255 && key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
        if (!printable) {
            throw ProblemException.invalid(HEADER, "must be 1 to 255 printable ASCII characters");
        }
    }
}
