package vn.portal.common.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import vn.portal.common.json.Body;

/**
 * The fields one write changed, with their values before and after. A write that changes
 * nothing leaves the entity, its version and its ETag alone.
 */
public final class Changes {

    public record Change(String field, Object before, Object after) {
    }

    private final List<Change> changes = new ArrayList<>();

    /** Sets a field through {@code setter} when the value differs, and records the change. */
    public <T> void set(String field, T before, T after, Consumer<T> setter) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(field, before, after));
            setter.accept(after);
        }
    }

    /** Takes a field from a request body when it was sent (null included), as {@link #set} does. */
    public <T> void take(Body body, String field, T before, Consumer<T> setter) {
        if (body.has(field)) {
            set(field, before, body.value(field), setter);
        }
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public boolean onlyTouches(String field) {
        return changes.stream().allMatch(change -> change.field().equals(field));
    }

    public List<Change> all() {
        return Collections.unmodifiableList(changes);
    }
}
