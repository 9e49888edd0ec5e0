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
import vn.portal.common.persistence.Changes;
import vn.portal.common.time.PortalClock;
import vn.portal.common.write.ChangeLog;
import vn.portal.common.write.Written;

/**
 * Keeps who changed what: the write path hands it every write inside the write's own transaction,
 * so a change and its entry commit or roll back together. The fields that changed are found by
 * comparing the object's representation before and after, so every field a client can see is
 * covered, and nothing a client cannot see (no password hash) can leak into the trail.
 */
@ApplicationScoped
public class AuditTrail implements ChangeLog {

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

    @Override
    public int order() {
        return 20;
    }

    /** Keeps the entry, unless it is an update that changed nothing a client can see. */
    @Override
    public void record(Written write) {
        ArrayNode changes = diff(write.before(), write.after());
        for (Changes.Hidden secret : write.changes().hidden()) {
            ObjectNode change = changes.addObject();
            change.put("field", secret.field());
            change.set("before", secret.hadValue() ? JsonNodeFactory.instance.textNode(HIDDEN) : NullNode.instance);
            change.set("after", secret.hasValue() ? JsonNodeFactory.instance.textNode(HIDDEN) : NullNode.instance);
        }
        if (changes.isEmpty() && "updated".equals(write.action())) {
            return;
        }
        String recorded;
        try {
            recorded = mapper.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of JSON nodes always serializes", e);
        }
        AuditEntry entry = new AuditEntry(write, () -> access.caller().username(), clock.now(), recorded);
        em.persist(entry);
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
