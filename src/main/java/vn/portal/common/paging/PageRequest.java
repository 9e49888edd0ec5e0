package vn.portal.common.paging;

/**
 * Which page of a list, and how it is ordered (an HQL order-by clause ending in the id). An export
 * reads the list as a run of uncounted pages: it needs the rows, not {@code totalItems}.
 */
public record PageRequest(int page, int size, String orderBy, boolean counted) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageRequest(int page, int size, String orderBy) {
        this(page, size, orderBy, true);
    }

    /** A page of an export: in the same order, not counted. */
    public PageRequest batch(int number, int batchSize) {
        return new PageRequest(number, batchSize, orderBy, false);
    }

    public long offset() {
        return (long) page * size;
    }
}
