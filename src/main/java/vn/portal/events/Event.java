package vn.portal.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.function.Supplier;
import vn.portal.common.write.ChangeRecord;
import vn.portal.common.write.ChangeTypes;
import vn.portal.common.write.Written;

/**
 * One change, as the feed tells it: written by the outbox in the change's transaction, given its
 * {@link #position} by the {@link EventSequencer} once committed, removed by the retention purge.
 */
@Entity
@Table(name = "feed_event")
public class Event extends ChangeRecord {

    /** The place in the feed; null until the sequencer has seen the event committed. */
    @Column(name = "feed_position")
    public Long position;

    /** {@code <entityType>.<action>}: {@code submission.submitted}. */
    @Column(nullable = false, updatable = false)
    public String type;

    /** JSON: the object's representation after the change (for a delete, before it). */
    @Column(nullable = false, updatable = false)
    public String data;

    Event() {
    }

    Event(Written write, Supplier<String> caller, Instant now, String data) {
        describe(write, caller, now);
        this.type = ChangeTypes.of(write.entityType(), write.action());
        this.data = data;
    }
}
