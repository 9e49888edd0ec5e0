package vn.portal.common.paging;

/** Which page of a list, and how it is ordered (an HQL order-by clause ending in the id). */
public record PageRequest(int page, int size, String orderBy) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public long offset() {
        return (long) page * size;
    }
}
