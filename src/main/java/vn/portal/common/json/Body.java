package vn.portal.common.json;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    public Set<String> fields() {
        return values.keySet();
    }

    public String text(String field) {
        return (String) values.get(field);
    }

    public Integer integer(String field) {
        return (Integer) values.get(field);
    }

    public Boolean bool(String field) {
        return (Boolean) values.get(field);
    }

    public Long id(String field) {
        return (Long) values.get(field);
    }

    public LocalDate date(String field) {
        return (LocalDate) values.get(field);
    }

    @SuppressWarnings("unchecked")
    public List<Long> ids(String field) {
        return (List<Long>) values.get(field);
    }

    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        return type.cast(values.get(field));
    }
}
