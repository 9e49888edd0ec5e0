package vn.portal.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.portal.access.Access;
import vn.portal.common.time.PortalClock;
import vn.portal.common.write.ChangeLog;
import vn.portal.common.write.Written;

/**
 * The outbox: the write path hands it every write inside the write's own transaction, and it adds
 * the write's event there, so the change and its event commit or roll back together. It is the
 * first step after a write; the event has no feed position yet (the {@link EventSequencer} gives
 * it one once it is committed), so a write adds one insert and takes no lock of the feed's.
 */
@ApplicationScoped
public class EventOutbox implements ChangeLog {

    /** What a representation says of the caller who reads it, not of the object: not part of an event. */
    static final String CALLERS_OWN = "allowedActions";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    PortalClock clock;

    @Inject
    Access access;

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void record(Written write) {
        Event event = new Event(write, () -> access.caller().username(), clock.now(),
                data(write.after() != null ? write.after() : write.before()));
        em.persist(event);
    }

    private String data(Object representation) {
        JsonNode tree = mapper.valueToTree(representation);
        if (tree instanceof ObjectNode object) {
            object.remove(CALLERS_OWN);
        }
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of JSON nodes always serializes", e);
        }
    }
}
