package vn.portal.common.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.Collection;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/**
 * Queries that bind a collection ({@code in :ids}) as a list. Hibernate takes a collection given to
 * {@code setParameter} only after trying to coerce it to the parameter's element type, which throws
 * and catches an exception on every call: at the rate lists, submissions and the progress view are
 * read, building those exceptions' stack traces was a visible share of each request's time.
 */
public final class Queries {

    private Queries() {
    }

    /** A select whose {@code setParameterList} binds collections directly. */
    public static <R> SelectionQuery<R> select(EntityManager em, String hql, Class<R> type) {
        return em.unwrap(Session.class).createSelectionQuery(hql, type);
    }

    /** Binds {@code value} to {@code :name}; a collection as a list. */
    public static <Q extends Query> Q bind(Q query, String name, Object value) {
        if (value instanceof Collection<?> values) {
            query.unwrap(org.hibernate.query.Query.class).setParameterList(name, values);
        } else {
            query.setParameter(name, value);
        }
        return query;
    }
}
