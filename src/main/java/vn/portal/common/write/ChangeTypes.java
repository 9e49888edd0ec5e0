package vn.portal.common.write;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of every change: the kinds of object the write path writes and what can happen to
 * each, so the audit trail's filters, the change feed's {@code type}s and a webhook's
 * {@code eventTypes} draw on one list. The write path refuses a write whose type is missing here,
 * so the list (and the contract's enum, made from it) cannot fall behind the code.
 */
public final class ChangeTypes {

    private static final List<String> ORDINARY = List.of("created", "updated", "deleted");

    /** Each entity type and its actions, in the order the contract lists them. */
    private static final Map<String, List<String>> ACTIONS = actions();

    /** Every {@code <entityType>.<action>}. */
    private static final List<String> TYPES = ACTIONS.entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(action -> e.getKey() + "." + action)).toList();

    private static final Set<String> KNOWN = Set.copyOf(TYPES);

    /**
     * What only ADMIN reads: webhooks and their deliveries (a webhook's URL may carry its receiver's
     * token). Their events are in no one else's feed and are never delivered to a webhook.
     */
    private static final Set<String> ADMIN_ONLY = Set.of("webhook", "webhook_delivery");

    private ChangeTypes() {
    }

    private static Map<String, List<String>> actions() {
        Map<String, List<String>> actions = new LinkedHashMap<>();
        actions.put("subcommittee", ORDINARY);
        actions.put("member", ORDINARY);
        actions.put("responsibility", ORDINARY);
        // due_soon and overdue: the reminders, not writes; every other action of a milestone is one
        actions.put("milestone", with("due_soon", "overdue"));
        actions.put("submission", with("submitted", "returned", "accepted"));
        actions.put("attachment", List.of("created", "deleted"));
        actions.put("comment", List.of("created", "updated", "disposed"));
        actions.put("user", List.of("created", "updated"));
        actions.put("session", with("started", "closed", "cancelled"));
        actions.put("agenda_item", ORDINARY);
        actions.put("conclusion", ORDINARY);
        actions.put("webhook", with("secret_rotated", "disabled"));
        actions.put("webhook_delivery", List.of("redelivered"));
        return Collections.unmodifiableMap(actions);
    }

    private static List<String> with(String... more) {
        List<String> all = new ArrayList<>(ORDINARY);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    /** The entity types: {@code subcommittee}, {@code member}, … */
    public static List<String> entityTypes() {
        return List.copyOf(ACTIONS.keySet());
    }

    /** Every event type, {@code subcommittee.created} to {@code webhook_delivery.redelivered}. */
    public static List<String> eventTypes() {
        return TYPES;
    }

    /** The event types a webhook can take: every type but those of what only ADMIN reads. */
    public static List<String> deliverableEventTypes() {
        return TYPES.stream().filter(type -> !ADMIN_ONLY.contains(type.substring(0, type.indexOf('.')))).toList();
    }

    /** The entity types whose objects, and so whose events, only ADMIN reads. */
    public static Set<String> adminOnlyEntityTypes() {
        return ADMIN_ONLY;
    }

    /** The type of a write; refuses one this list does not name (a new action must be added here first). */
    public static String of(String entityType, String action) {
        String type = entityType + "." + action;
        if (!KNOWN.contains(type)) {
            throw new IllegalStateException("the change type " + type + " is not in ChangeTypes: add it there");
        }
        return type;
    }
}
