package vn.portal.common.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import vn.portal.common.json.Patch;

/**
 * The fields one write changed, with their values before and after, and what the trail needs to
 * know of it beyond its representations: a secret that changed (whose value it never shows), a
 * name for the act other than "updated", who did it when no request's caller did. A write that
 * changes nothing leaves the entity, its version and its ETag alone.
 */
public final class Changes {

    public record Change(String field, Object before, Object after) {
    }

    /** A secret (a password) that was set, changed or cleared: the trail says so, never what it is. */
    public record Hidden(String field, boolean hadValue, boolean hasValue) {
    }

    private final List<Change> changes = new ArrayList<>();
    private final List<Hidden> hidden = new ArrayList<>();
    private String action;
    private String actor;

    /** Sets a field through {@code setter} when the value differs, and records the change. */
    public <T> void set(String field, T before, T after, Consumer<T> setter) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(field, before, after));
            setter.accept(after);
        }
    }

    /** Takes a field of a merge patch when it was sent (null included), as {@link #set} does. */
    public <T> void take(Patch<T> patch, T before, Consumer<T> setter) {
        if (patch.isPresent()) {
            set(patch.field(), before, patch.value(), setter);
        }
    }

    /** Records that a secret changed; the entity was already given its new (hashed) value. */
    public void hidden(String field, boolean hadValue, boolean hasValue) {
        hidden.add(new Hidden(field, hadValue, hasValue));
    }

    /** Names the act in the trail ("disposed"), where the write is more than an update. */
    public void recordAs(String action) {
        this.action = action;
    }

    /** For a write made while a login is being resolved, before the request has a caller. */
    public void by(String actor) {
        this.actor = actor;
    }

    public boolean isEmpty() {
        return changes.isEmpty() && hidden.isEmpty();
    }

    public boolean touches(String field) {
        return changes.stream().anyMatch(change -> change.field().equals(field));
    }

    public boolean onlyTouches(String field) {
        return hidden.isEmpty() && changes.stream().allMatch(change -> change.field().equals(field));
    }

    public List<Hidden> hidden() {
        return Collections.unmodifiableList(hidden);
    }

    public String action(String otherwise) {
        return action == null ? otherwise : action;
    }

    public String actor() {
        return actor;
    }
}
