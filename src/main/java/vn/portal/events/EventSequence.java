package vn.portal.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The sequencer's one row: the feed's head and the last position the purge removed. */
@Entity
@Table(name = "event_sequence")
public class EventSequence {

    static final int ONLY = 1;

    @Id
    public Integer id;

    @Column(name = "last_position", nullable = false)
    public long lastPosition;

    @Column(name = "purged_through", nullable = false)
    public long purgedThrough;
}
