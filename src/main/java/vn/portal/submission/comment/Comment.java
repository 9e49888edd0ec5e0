package vn.portal.submission.comment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.portal.common.persistence.TrackedEntity;

/** Ý kiến góp ý: a remark on a submission, and how it was dealt with. */
@Entity
@Table(name = "submission_comment")
public class Comment extends TrackedEntity {

    @Column(name = "submission_id", nullable = false, updatable = false)
    public Long submissionId;

    /** Never changes after creation. */
    @Column(nullable = false, updatable = false)
    public String body;

    public String section;

    @Column(name = "author_user_id", updatable = false)
    public Long authorUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Disposition disposition = Disposition.PENDING;

    public String rationale;

    @Column(name = "disposed_by_user_id")
    public Long disposedByUserId;

    @Column(name = "disposed_at")
    public Instant disposedAt;
}
