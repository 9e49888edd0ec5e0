package vn.portal.common.write;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What every record of a write says, whichever step keeps it (the audit trail's entry, the change
 * feed's event): when, who, to what and where. Never updated.
 */
@MappedSuperclass
public abstract class ChangeRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(name = "entity_type", nullable = false, updatable = false)
    public String entityType;

    @Column(name = "entity_id", nullable = false, updatable = false)
    public Long entityId;

    @Column(name = "subcommittee_id", updatable = false)
    public Long subcommitteeId;

    /** Fills in the write's own actor where it names one (a token user's first login), else the caller. */
    protected void describe(Written write, Supplier<String> caller, Instant now) {
        occurredAt = now;
        actor = write.changes().actor() != null ? write.changes().actor() : caller.get();
        entityType = write.entityType();
        entityId = write.entityId();
        subcommitteeId = write.subcommitteeId();
    }
}
