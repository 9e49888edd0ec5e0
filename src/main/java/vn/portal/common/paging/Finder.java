package vn.portal.common.paging;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.portal.common.persistence.Queries;
import vn.portal.common.text.TextFold;

/**
 * Builds one filtered list query over an entity (alias {@code e}) and runs it as a page plus a
 * count (no count for an export's batches), both in the database. Filters that are null are left out.
 */
public final class Finder<E> {

    private final Class<E> type;
    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private Finder(Class<E> type) {
        this.type = type;
    }

    public static <E> Finder<E> of(Class<E> type) {
        return new Finder<>(type);
    }

    /** Adds {@code clause} (naming {@code :name}) when {@code value} is not null. */
    public Finder<E> where(String clause, String name, Object value) {
        if (value != null) {
            and(clause);
            parameters.put(name, value);
        }
        return this;
    }

    /** Adds a clause without parameters, or with parameters given through {@link #parameter}. */
    public Finder<E> where(String clause) {
        and(clause);
        return this;
    }

    /** Keeps the rows whose {@code column} is one of {@code values}: every row when they are null, none when empty. */
    public Finder<E> whereIn(String column, String name, Collection<?> values) {
        if (values == null) {
            return this;
        }
        return values.isEmpty() ? where("1 = 0") : where(column + " in :" + name, name, values);
    }

    public Finder<E> parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** Every word of the folded query must occur in the folded search column. */
    public Finder<E> search(String column, String query) {
        List<String> words = TextFold.words(query);
        for (int i = 0; i < words.size(); i++) {
            and(column + " like :q" + i + " escape '\\'");
            parameters.put("q" + i, TextFold.containsPattern(words.get(i)));
        }
        return this;
    }

    public <V> PageView<V> page(EntityManager em, PageRequest request, Function<List<E>, List<V>> toViews) {
        String from = " from " + type.getSimpleName() + " e" + where;
        long total = -1;
        if (request.counted()) {
            TypedQuery<Long> count = em.createQuery("select count(e)" + from, Long.class);
            parameters.forEach((name, value) -> Queries.bind(count, name, value));
            total = count.getSingleResult();
        }
        // an export's batch after the first may start after an id instead of at its offset
        long offset = request.afterId() == null ? request.offset() : 0;
        if ((request.counted() && offset >= total) || offset > Integer.MAX_VALUE) {
            return PageView.of(List.of(), request, total);
        }
        String after = request.afterId() == null ? ""
                : (where.isEmpty() ? " where " : " and ") + "(" + request.afterIdClause() + ")";
        TypedQuery<E> select = em.createQuery("select e" + from + after + " order by " + request.orderBy(), type);
        parameters.forEach((name, value) -> Queries.bind(select, name, value));
        if (request.afterId() != null) {
            select.setParameter("afterId", request.afterId());
        }
        select.setFirstResult((int) offset);
        select.setMaxResults(request.size());
        return PageView.of(toViews.apply(select.getResultList()), request, total);
    }

    private void and(String clause) {
        where.append(where.isEmpty() ? " where " : " and ").append('(').append(clause).append(')');
    }
}
