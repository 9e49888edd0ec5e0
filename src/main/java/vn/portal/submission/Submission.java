package vn.portal.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.portal.common.persistence.TrackedEntity;
import vn.portal.common.text.TextFold;

/** What one responsibility hands in for one milestone (số liệu, bảng biểu, báo cáo chuyên đề). */
@Entity
@Table(name = "submission")
public class Submission extends TrackedEntity {

    @Column(name = "subcommittee_id", nullable = false, updatable = false)
    public Long subcommitteeId;

    @Column(name = "milestone_id", nullable = false, updatable = false)
    public Long milestoneId;

    @Column(name = "responsibility_id", nullable = false)
    public Long responsibilityId;

    @Column(nullable = false)
    public String title;

    @Column(name = "title_folded", nullable = false)
    public String titleFolded;

    public String content;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubmissionStatus status = SubmissionStatus.DRAFT;

    @Column(nullable = false)
    public int revision = 1;

    @Column(name = "first_submitted_at")
    public Instant firstSubmittedAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    /** Decided once, at the first submit; never changes afterwards. */
    @Column(nullable = false)
    public boolean late;

    @Column(name = "return_reason")
    public String returnReason;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    /** Writes the folded and key columns from the fields; the service calls it after every change. */
    public void derive() {
        titleFolded = TextFold.fold(title);
    }
}
