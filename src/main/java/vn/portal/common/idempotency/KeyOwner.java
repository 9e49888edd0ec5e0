package vn.portal.common.idempotency;

/** Whose {@code Idempotency-Key}s a request's are: the calling user's. Access, which knows the caller, says who. */
public interface KeyOwner {

    long currentUserId();
}
