package vn.portal.milestone;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.BatchSize;
import vn.portal.common.persistence.TrackedEntity;
import vn.portal.common.text.TextFold;
import vn.portal.common.time.DueDates;

/** Mốc kế hoạch: a dated step of the plan, and the responsibilities expected to submit for it. */
@Entity
@Table(name = "milestone")
public class Milestone extends TrackedEntity {

    @Column(name = "subcommittee_id", nullable = false, updatable = false)
    public Long subcommitteeId;

    @Column(nullable = false)
    public String title;

    @Column(name = "title_folded", nullable = false)
    public String titleFolded;

    public String description;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MilestoneStatus status = MilestoneStatus.PLANNED;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    /** The session's conclusion this was made from, when closing a session made it; never changes. */
    @Column(name = "conclusion_id", updatable = false)
    public Long conclusionId;

    /** A change here raises the milestone's version like any other field. */
    @ElementCollection
    @CollectionTable(name = "milestone_responsibility", joinColumns = @JoinColumn(name = "milestone_id"))
    @Column(name = "responsibility_id", nullable = false)
    @BatchSize(size = 100)
    public Set<Long> responsibilityIds = new HashSet<>();

    public boolean isOverdue(LocalDate today) {
        return !status.isClosed() && DueDates.isPastDue(dueOn, today);
    }

    /** Writes the folded and key columns from the fields; the service calls it after every change. */
    public void derive() {
        titleFolded = TextFold.fold(title);
    }
}
