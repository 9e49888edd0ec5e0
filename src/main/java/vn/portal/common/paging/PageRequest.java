package vn.portal.common.paging;

/**
 * Which page of a list, and how it is ordered (an HQL order-by clause ending in the id). An export
 * reads the list as a run of uncounted pages: it needs the rows, not {@code totalItems}. When the
 * order is by id alone, each of its pages after the first starts after the last id read
 * ({@code afterId}) instead of skipping the rows before it, which a database does row by row.
 */
public record PageRequest(int page, int size, String orderBy, boolean counted, Long afterId) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    private static final String BY_ID = "e.id asc";
    private static final String BY_ID_DESCENDING = "e.id desc";

    public PageRequest(int page, int size, String orderBy) {
        this(page, size, orderBy, true, null);
    }

    /** A page of an export: in the same order, not counted. */
    public PageRequest batch(int number, int batchSize) {
        return new PageRequest(number, batchSize, orderBy, false, null);
    }

    /** Whether a page can start after an id rather than at an offset. */
    public boolean byIdAlone() {
        return BY_ID.equals(orderBy) || BY_ID_DESCENDING.equals(orderBy);
    }

    /** The same page, to start after the row with this id (the order must be by id alone). */
    public PageRequest after(long id) {
        if (!byIdAlone()) {
            throw new IllegalStateException("a page starts after an id only in the order of the ids, not " + orderBy);
        }
        return new PageRequest(page, size, orderBy, counted, id);
    }

    /** The HQL condition on {@code e.id} that {@code :afterId} binds, when the page starts after an id. */
    String afterIdClause() {
        return BY_ID.equals(orderBy) ? "e.id > :afterId" : "e.id < :afterId";
    }

    /** Where the page starts when it is read by offset (a query that ignores {@code afterId} stays right). */
    public long offset() {
        return (long) page * size;
    }
}
