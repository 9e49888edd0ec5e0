package vn.portal.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.portal.common.write.ChangeLog;
import vn.portal.common.write.Written;

/**
 * A step after every write, for the tests only, that fails the write's transaction once the outbox
 * has recorded its event: for a subcommittee whose name starts with {@link #MARK}. It counts, just
 * before it throws, the write's events the transaction holds, so that the test knows there was one
 * to roll back.
 */
@ApplicationScoped
public class ThrowAfterOutbox implements ChangeLog {

    static final String MARK = "THROW-AFTER-OUTBOX ";

    static volatile long eventsBeforeThrow = -1;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Override
    public int order() {
        return 1000;
    }

    @Override
    public void record(Written write) {
        if (!"subcommittee".equals(write.entityType()) || write.after() == null
                || !mapper.valueToTree(write.after()).path("name").asText().startsWith(MARK)) {
            return;
        }
        eventsBeforeThrow = em.createQuery("select count(e) from Event e where e.entityType = :type and e.entityId = :id",
                Long.class).setParameter("type", write.entityType()).setParameter("id", write.entityId()).getSingleResult();
        throw new IllegalStateException("a later step failing after the outbox ran");
    }
}
