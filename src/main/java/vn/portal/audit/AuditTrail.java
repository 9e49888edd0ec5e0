package vn.portal.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import vn.portal.access.Access;
import vn.portal.common.time.PortalClock;

/**
 * Keeps who changed what: the services call it inside the transaction of the change itself, so
 * a change and its entry commit or roll back together. The fields that changed are found by
 * comparing the object's representation before and after, so every field a client can see is
 * covered, and nothing a client cannot see (no password hash) can leak into the trail.
 */
@ApplicationScoped
public class AuditTrail {

    /** Bookkeeping and computed fields: they change with every write or with the clock, not by anyone's act. */
    private static final Set<String> NOT_RECORDED = Set.of("id", "createdAt", "updatedAt", "version",
            "allowedActions", "overdue", "attachments", "headMemberId");

    /** Text that may be long is kept as its length and SHA-256. */
    private static final Set<String> DIGESTED = Set.of("content");

    /** Stands in for a secret that was set or changed; its value never appears. */
    public static final String HIDDEN = "[hidden]";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    PortalClock clock;

    @Inject
    Access access;

    public void created(String entityType, long entityId, Long subcommitteeId, Object view) {
        record("created", entityType, entityId, subcommitteeId, null, view);
    }

    /** Records an update that changed something the representation shows; one that changed nothing is not kept. */
    public void updated(String entityType, long entityId, Long subcommitteeId, Object before, Object after) {
        record("updated", entityType, entityId, subcommitteeId, before, after);
    }

    public void deleted(String entityType, long entityId, Long subcommitteeId, Object before) {
        record("deleted", entityType, entityId, subcommitteeId, before, null);
    }

    /** Starts an entry to which hidden changes can be added before it is kept. */
    public Entry entry(String action, String entityType, long entityId, Long subcommitteeId, Object before,
            Object after) {
        return new Entry(action, entityType, entityId, subcommitteeId, diff(before, after));
    }

    public void record(String action, String entityType, long entityId, Long subcommitteeId, Object before,
            Object after) {
        entry(action, entityType, entityId, subcommitteeId, before, after).keep();
    }

    public final class Entry {
        private final String action;
        private final String entityType;
        private final long entityId;
        private final Long subcommitteeId;
        private final ArrayNode changes;
        private String actor;

        private Entry(String action, String entityType, long entityId, Long subcommitteeId, ArrayNode changes) {
            this.action = action;
            this.entityType = entityType;
            this.entityId = entityId;
            this.subcommitteeId = subcommitteeId;
            this.changes = changes;
        }

        /** A secret (a password) that was set, changed or cleared: the trail says so, never what it is. */
        public Entry hidden(String field, boolean hadValue, boolean hasValue) {
            ObjectNode change = changes.addObject();
            change.put("field", field);
            change.set("before", hadValue ? JsonNodeFactory.instance.textNode(HIDDEN) : NullNode.instance);
            change.set("after", hasValue ? JsonNodeFactory.instance.textNode(HIDDEN) : NullNode.instance);
            return this;
        }

        /** For a change made while a login is being resolved, before the request has a caller. */
        public Entry by(String actor) {
            this.actor = actor;
            return this;
        }

        /** Keeps the entry unless it is an update that changed nothing. */
        public void keep() {
            if (changes.isEmpty() && "updated".equals(action)) {
                return;
            }
            AuditEntry entry = new AuditEntry();
            entry.occurredAt = clock.now();
            entry.actor = actor != null ? actor : access.caller().username();
            entry.action = action;
            entry.entityType = entityType;
            entry.entityId = entityId;
            entry.subcommitteeId = subcommitteeId;
            try {
                entry.changes = mapper.writeValueAsString(changes);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a tree of JSON nodes always serializes", e);
            }
            em.persist(entry);
        }
    }

    private ArrayNode diff(Object before, Object after) {
        JsonNode old = before == null ? NullNode.instance : mapper.valueToTree(before);
        JsonNode now = after == null ? NullNode.instance : mapper.valueToTree(after);
        Set<String> fields = new LinkedHashSet<>();
        old.fieldNames().forEachRemaining(fields::add);
        now.fieldNames().forEachRemaining(fields::add);
        ArrayNode changes = JsonNodeFactory.instance.arrayNode();
        for (String field : fields) {
            if (NOT_RECORDED.contains(field)) {
                continue;
            }
            JsonNode was = recorded(field, old.path(field));
            JsonNode is = recorded(field, now.path(field));
            if (!was.equals(is)) {
                ObjectNode change = changes.addObject();
                change.put("field", field);
                change.set("before", was);
                change.set("after", is);
            }
        }
        return changes;
    }

    private static JsonNode recorded(String field, JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return NullNode.instance;
        }
        if (DIGESTED.contains(field) && value.isTextual()) {
            String text = value.textValue();
            ObjectNode digest = JsonNodeFactory.instance.objectNode();
            digest.put("length", text.codePointCount(0, text.length()));
            digest.put("sha256", sha256(text));
            return digest;
        }
        return value;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
