package vn.portal.common.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request body that passed its {@link BodySpec}: only known, writable fields, each already of
 * its type. A field that is absent was not sent; one present with {@code null} clears it.
 */
public final class Body {

    private final Map<String, Object> values;

    Body(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public boolean has(String field) {
        return values.containsKey(field);
    }

    /** The value of a field, of the type its {@link BodySpec} declares. */
    @SuppressWarnings("unchecked")
    public <T> T value(String field) {
        return (T) values.get(field);
    }

    public Long id(String field) {
        return (Long) values.get(field);
    }

    @SuppressWarnings("unchecked")
    public List<Long> ids(String field) {
        return (List<Long>) values.get(field);
    }

    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        return type.cast(values.get(field));
    }
}
