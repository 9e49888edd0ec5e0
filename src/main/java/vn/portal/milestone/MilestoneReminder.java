package vn.portal.milestone;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A deadline reminder sent: the claim, keyed by milestone, due date and kind, that the reminder's
 * event was written (in the same transaction), so that no run on any instance writes it again.
 */
@Entity
@Table(name = "milestone_reminder")
@IdClass(MilestoneReminder.Key.class)
public class MilestoneReminder {

    /** {@code due_soon} or {@code overdue}: the action of the event, {@code milestone.<kind>}. */
    static final String DUE_SOON = "due_soon";
    static final String OVERDUE = "overdue";

    @Id
    @Column(name = "milestone_id")
    public Long milestoneId;

    @Id
    @Column(name = "due_on")
    public LocalDate dueOn;

    @Id
    public String kind;

    @Column(name = "sent_at", nullable = false, updatable = false)
    public Instant sentAt;

    MilestoneReminder() {
    }

    MilestoneReminder(Key key, Instant sentAt) {
        this.milestoneId = key.milestoneId;
        this.dueOn = key.dueOn;
        this.kind = key.kind;
        this.sentAt = sentAt;
    }

    /** The claim's primary key. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        Long milestoneId;
        LocalDate dueOn;
        String kind;

        Key() {
        }

        Key(long milestoneId, LocalDate dueOn, String kind) {
            this.milestoneId = milestoneId;
            this.dueOn = dueOn;
            this.kind = kind;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(milestoneId, key.milestoneId)
                    && Objects.equals(dueOn, key.dueOn) && Objects.equals(kind, key.kind);
        }

        @Override
        public int hashCode() {
            return Objects.hash(milestoneId, dueOn, kind);
        }

        @Override
        public String toString() {
            return "milestone " + milestoneId + " " + kind + " for " + dueOn;
        }
    }
}
