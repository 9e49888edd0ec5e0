package vn.portal.common.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal that carries its HTTP status and contract `code`; the one mapper turns it into
 * problem+json. Rules throw these through the named factories below.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final ErrorCode code;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(ErrorCode code, String detail, List<FieldError> errors) {
        this(code.status(), code, detail, errors);
    }

    public ProblemException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    /** A framework's refusal with a status that has no code of its own ({@link ErrorCode#ERROR}). */
    ProblemException(int status, ErrorCode code, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public ProblemException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code.name();
    }

    public ErrorCode errorCode() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public static ProblemException notFound(String detail) {
        return ErrorCode.NOT_FOUND.problem(detail);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid.";
        return new ProblemException(ErrorCode.VALIDATION_FAILED, detail, errors);
    }

    public static ProblemException preconditionFailed() {
        return ErrorCode.PRECONDITION_FAILED.problem(
                "If-Match does not match the current ETag: the resource changed since it was read. Nothing was changed.");
    }

    public static ProblemException concurrentModification() {
        return ErrorCode.CONCURRENT_MODIFICATION.problem(
                "Another request changed this resource at the same time. Read it again and retry.");
    }

    public static ProblemException forbidden(String detail) {
        return ErrorCode.FORBIDDEN.problem(detail);
    }

    /** Both ways in, as one header value of two challenges. */
    public static final String CHALLENGE = "Basic realm=\"portal\", charset=\"UTF-8\", Bearer realm=\"portal\"";

    /** No credentials were sent. */
    public static ProblemException unauthenticated() {
        return ErrorCode.UNAUTHENTICATED.problem(
                "Log in: HTTP Basic with a portal user, or a bearer token from the configured OpenID Connect provider.")
                .withHeader("WWW-Authenticate", CHALLENGE);
    }

    /**
     * Credentials were sent and not accepted. The same answer whatever was wrong (unknown user,
     * wrong password, deactivated user, expired or forged token), so it tells a guesser nothing.
     */
    public static ProblemException credentialsRefused() {
        return ErrorCode.UNAUTHENTICATED.problem(
                "The credentials were not accepted: wrong user name or password, a deactivated user, "
                        + "or a bearer token that is expired, from another issuer or not validly signed.")
                .withHeader("WWW-Authenticate", CHALLENGE);
    }
}
