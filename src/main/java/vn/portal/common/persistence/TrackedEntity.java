package vn.portal.common.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/** What every resource has: an identity id, when it was created and last changed, and its version. */
@MappedSuperclass
public abstract class TrackedEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Checked on every update and delete; part of every view, so also of every ETag. */
    @Version
    public long version;

    /** Stamps a new entity before it is persisted. */
    public void created(Instant now) {
        createdAt = now;
        updatedAt = now;
    }

    /** Stamps a change to something its representation shows. */
    public void touched(Instant now) {
        updatedAt = now;
    }
}
