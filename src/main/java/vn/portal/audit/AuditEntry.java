package vn.portal.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.function.Supplier;
import vn.portal.common.write.ChangeRecord;
import vn.portal.common.write.Written;

/** One change, as kept in the audit trail: never updated, never deleted. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends ChangeRecord {

    @Column(nullable = false, updatable = false)
    public String action;

    /** JSON: [{"field","before","after"}]. */
    @Column(nullable = false, updatable = false)
    public String changes;

    AuditEntry() {
    }

    AuditEntry(Written write, Supplier<String> caller, Instant now, String changes) {
        describe(write, caller, now);
        this.action = write.action();
        this.changes = changes;
    }
}
