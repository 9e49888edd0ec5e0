package vn.portal.milestone;

/** Declared in the order lists sort by. */
public enum MilestoneStatus {
    PLANNED, IN_PROGRESS, DONE, CANCELLED;

    /** DONE and CANCELLED milestones are never overdue. */
    public boolean isClosed() {
        return this == DONE || this == CANCELLED;
    }
}
