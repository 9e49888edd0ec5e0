package vn.portal.common.paging;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The sortable fields of one resource: the API name, the HQL expression it sorts by (folded text,
 * enum declared order), and whether empty values occur (they always sort last). The entity's
 * alias in the queries is {@code e}; {@code e.id} is always the last tie-breaker.
 */
public final class SortFields {

    private final Map<String, Entry> fields = new LinkedHashMap<>();
    private final String defaultOrder;

    private record Entry(String expression, boolean nullable) {
    }

    private SortFields(String defaultOrder) {
        this.defaultOrder = defaultOrder;
    }

    /** The default order is `id` ascending. */
    public static SortFields byId() {
        return new SortFields("e.id asc");
    }

    /** Newest first: `id` descending (ids are handed out in the order rows are written). */
    public static SortFields newestFirst() {
        return new SortFields("e.id desc");
    }

    /** A default order other than `id`, given as HQL (the id tie-breaker is added). */
    public static SortFields defaultingTo(String hqlOrder) {
        return new SortFields(hqlOrder + ", e.id asc");
    }

    public SortFields field(String name, String expression) {
        fields.put(name, new Entry(expression, false));
        return this;
    }

    public SortFields nullableField(String name, String expression) {
        fields.put(name, new Entry(expression, true));
        return this;
    }

    /** Sorts an enum column in the enum's declared order, not alphabetically. */
    public <E extends Enum<E>> SortFields enumField(String name, String path, Class<E> type) {
        String cases = Arrays.stream(type.getEnumConstants())
                .map(c -> "when " + path + " = " + type.getName() + "." + c.name() + " then " + c.ordinal())
                .collect(Collectors.joining(" "));
        fields.put(name, new Entry("case " + cases + " end", false));
        return this;
    }

    public List<String> names() {
        return List.copyOf(fields.keySet());
    }

    /** A batch of rows in the default order, for reading a whole list a page at a time: not counted. */
    public PageRequest batch(int page, int size) {
        return new PageRequest(page, size, defaultOrder, false, null);
    }

    public boolean knows(String name) {
        return "id".equals(name) || fields.containsKey(name);
    }

    String orderBy(String sort) {
        if (sort == null) {
            return defaultOrder;
        }
        boolean descending = sort.startsWith("-");
        String name = descending ? sort.substring(1) : sort;
        if ("id".equals(name)) {
            return "e.id " + (descending ? "desc" : "asc");
        }
        Entry entry = fields.get(name);
        return entry.expression + (descending ? " desc" : " asc") + (entry.nullable ? " nulls last" : "") + ", e.id asc";
    }
}
