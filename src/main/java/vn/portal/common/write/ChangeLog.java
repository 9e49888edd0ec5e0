package vn.portal.common.write;

/**
 * Keeps each write inside the write's own transaction, so the write and its record commit or roll
 * back together. The audit trail implements it.
 */
public interface ChangeLog {

    void record(Written write);
}
