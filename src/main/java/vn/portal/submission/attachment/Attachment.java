package vn.portal.submission.attachment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.portal.submission.AttachmentView;

/** A file attached to a submission. Never changed: uploaded, read, or deleted. */
@Entity
@Table(name = "attachment")
public class Attachment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "submission_id", nullable = false, updatable = false)
    public Long submissionId;

    @Column(name = "file_name", nullable = false, updatable = false)
    public String fileName;

    /** The type detected from the bytes, not the one the client claimed. */
    @Column(name = "content_type", nullable = false, updatable = false)
    public String contentType;

    @Column(nullable = false, updatable = false)
    public long size;

    /** Also the key of the stored bytes: the same file attached twice is stored once. */
    @Column(nullable = false, updatable = false)
    public String sha256;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** How a submission shows this file. */
    public AttachmentView view() {
        return new AttachmentView(id, fileName, contentType, size, sha256, createdAt);
    }
}
