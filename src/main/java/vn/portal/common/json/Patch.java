package vn.portal.common.json;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One field of a JSON merge patch (RFC 7396): not sent, or sent with a value, where a sent
 * {@code null} clears the field. The strict parser makes these; it knows the field's name, so a
 * change recorded from a patch is named by it.
 */
public final class Patch<T> {

    private final String field;
    private final boolean present;
    private final T value;

    private Patch(String field, boolean present, T value) {
        this.field = Objects.requireNonNull(field);
        this.present = present;
        this.value = value;
    }

    public static <T> Patch<T> absent(String field) {
        return new Patch<>(field, false, null);
    }

    /** A field that was sent; {@code value} may be null (clear it). */
    public static <T> Patch<T> of(String field, T value) {
        return new Patch<>(field, true, value);
    }

    public String field() {
        return field;
    }

    public boolean isPresent() {
        return present;
    }

    /** The value sent; null when it was sent as null or not sent at all (ask {@link #isPresent}). */
    public T value() {
        return value;
    }

    public T orElse(T otherwise) {
        return present ? value : otherwise;
    }

    public void ifPresent(Consumer<? super T> action) {
        if (present) {
            action.accept(value);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Patch<?> patch && patch.present == present && patch.field.equals(field)
                && Objects.equals(patch.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, present, value);
    }

    @Override
    public String toString() {
        return present ? field + "=" + value : field + " (absent)";
    }
}
