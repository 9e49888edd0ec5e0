package vn.portal.milestone;

import java.util.List;

/** Declared in the order lists sort by. */
public enum MilestoneStatus {
    PLANNED, IN_PROGRESS, DONE, CANCELLED;

    /** DONE and CANCELLED milestones are never overdue nor due soon. */
    public static final List<MilestoneStatus> CLOSED = List.of(DONE, CANCELLED);

    public boolean isClosed() {
        return CLOSED.contains(this);
    }
}
