package vn.portal.common.idempotency;

/**
 * An answer that carries something shown once (a webhook's secret): what an {@code Idempotency-Key}
 * keeps of it, and replays, is {@link #replayed()}, the same answer without it. The secret is then
 * never stored with the key, and a replay does not show it a second time.
 */
public interface ShownOnce {

    /** This answer without what is shown once. */
    Object replayed();
}
