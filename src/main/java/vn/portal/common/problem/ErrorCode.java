package vn.portal.common.problem;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every {@code code} the contract names, with the status it is answered with. Rules throw
 * {@link #problem}s of these; the mappers answer with them; the OpenAPI filter refuses to describe
 * an error by a code that is not here, so the contract cannot name one the service never gives.
 */
public enum ErrorCode {

    // the request itself
    MALFORMED_JSON(400),
    UNKNOWN_FIELD(400),
    READ_ONLY_FIELD(400),
    VALIDATION_FAILED(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    PRECONDITION_FAILED(412),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    FILE_TYPE_NOT_ALLOWED(415),
    /** A change feed cursor older than the events kept. */
    CURSOR_EXPIRED(410),
    IDEMPOTENCY_KEY_REUSED(422),
    TOO_MANY_REQUESTS(429),

    // the domain's rules
    CODE_TAKEN(409),
    SUBCOMMITTEE_NOT_EMPTY(409),
    SUBCOMMITTEE_ARCHIVED(409),
    HEAD_ALREADY_ASSIGNED(409),
    EMAIL_TAKEN(409),
    USER_ALREADY_MEMBER(409),
    MEMBER_HAS_RESPONSIBILITIES(409),
    RESPONSIBILITY_OVERLAP(409),
    RESPONSIBILITY_IN_USE(409),
    MILESTONE_HAS_SUBMISSIONS(409),
    SUBMISSION_EXISTS(409),
    SUBMISSION_LOCKED(409),
    INVALID_TRANSITION(409),
    PENDING_COMMENTS(409),
    COMMENTS_CLOSED(409),
    USERNAME_TAKEN(409),
    LAST_ADMIN(409),
    BACKUP_NOT_AVAILABLE(409),
    SESSION_CLOSED(409),
    MINUTES_REQUIRED(409),
    AGENDA_ITEM_IN_USE(409),

    // concurrency
    CONCURRENT_MODIFICATION(409),
    IDEMPOTENCY_KEY_IN_USE(409),
    /** A 409 the framework raised, with no rule of ours behind it. */
    CONFLICT(409),

    // the service
    INTERNAL_ERROR(500),
    SERVICE_UNAVAILABLE(503),
    /** A status the framework answered that has no code of its own; it keeps that status. */
    ERROR(0);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    public ProblemException problem(String detail) {
        return new ProblemException(this, detail);
    }

    /** The code a bare status of the framework's is answered with, where the contract names one. */
    public static Optional<ErrorCode> forStatus(int status) {
        return Arrays.stream(values())
                .filter(code -> code.status == status)
                .filter(code -> switch (code) {
                    // the generic code of each status: what a framework refusal without a rule means
                    case VALIDATION_FAILED, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, METHOD_NOT_ALLOWED, NOT_ACCEPTABLE,
                            CONFLICT, PRECONDITION_FAILED, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, TOO_MANY_REQUESTS,
                            SERVICE_UNAVAILABLE -> true;
                    default -> false;
                })
                .findFirst();
    }

    /** Whether a word of a description names a code of this catalogue. */
    public static boolean isCode(String word) {
        return Arrays.stream(values()).anyMatch(code -> code.name().equals(word));
    }
}
