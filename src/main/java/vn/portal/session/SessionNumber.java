package vn.portal.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last session number a subcommittee gave: numbers are never given twice. Not a resource of its own. */
@Entity
@Table(name = "session_number")
public class SessionNumber extends PanacheEntityBase {

    @Id
    @Column(name = "subcommittee_id")
    public Long subcommitteeId;

    @Column(name = "last_number", nullable = false)
    public int lastNumber;
}
