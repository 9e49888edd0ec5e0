package vn.portal.session;

/** Declared in the order lists sort by. CLOSED and CANCELLED sessions are read-only, with everything under them. */
public enum SessionStatus {
    PLANNED, IN_PROGRESS, CLOSED, CANCELLED;

    public boolean isReadOnly() {
        return this == CLOSED || this == CANCELLED;
    }
}
