package vn.portal.common.write;

/**
 * Keeps each write inside the write's own transaction, so the write and its record commit or roll
 * back together. The change feed's outbox and the audit trail implement it; the write path calls
 * every one, in the order of {@link #order()} (lowest first).
 */
public interface ChangeLog {

    void record(Written write);

    /** Where this step runs among the others after a write: lowest first. */
    default int order() {
        return 100;
    }
}
