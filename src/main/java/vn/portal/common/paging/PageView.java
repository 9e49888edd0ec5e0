package vn.portal.common.paging;

import java.util.List;

/**
 * One page of a list: `{"items":[…],"page":0,"size":20,"totalItems":57,"totalPages":3}`. An export's
 * uncounted batch ({@link PageRequest#counted()} false) has -1 for both totals; it never goes out as JSON.
 */
public record PageView<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static <T> PageView<T> of(List<T> items, PageRequest request, long totalItems) {
        long pages = totalItems < 0 ? -1 : (totalItems + request.size() - 1) / request.size();
        return new PageView<>(items, request.page(), request.size(), totalItems, pages);
    }
}
