package vn.portal.common.write;

import jakarta.persistence.EntityManager;
import java.util.function.Function;
import java.util.function.LongFunction;
import vn.portal.common.concurrency.ETags;
import vn.portal.common.concurrency.SingleResource;
import vn.portal.common.problem.ProblemException;

/**
 * A kind of object the services write, as the write path needs to know it: its name in the trail
 * and in a 404, its entity, and how it is shown (the view its ETag and its trail entry are made
 * of). Each feature's service declares its own once.
 *
 * @param <E> the entity
 * @param <V> its view
 */
public final class Kind<E, V> {

    private final String name;
    private final Class<E> type;
    private final Function<E, V> view;
    private LongFunction<E> loader;
    private Function<V, String> tag;
    private Function<E, Long> ownSubcommittee;

    private Kind(String name, Class<E> type, Function<E, V> view) {
        this.name = name;
        this.type = type;
        this.view = view;
    }

    public static <E, V> Kind<E, V> of(String name, Class<E> type, Function<E, V> view) {
        return new Kind<>(name, type, view);
    }

    /** Loads by another rule than the id alone (an attachment belongs to its submission). */
    public Kind<E, V> loadedBy(LongFunction<E> loader) {
        this.loader = loader;
        return this;
    }

    /** Compares If-Match with another tag than the view's digest (an attachment's is its content's). */
    public Kind<E, V> taggedBy(Function<V, String> tag) {
        this.tag = tag;
        return this;
    }

    /** The subcommittee the trail files an object under, where it is not the write's scope (a new subcommittee). */
    public Kind<E, V> filedUnder(Function<E, Long> subcommittee) {
        this.ownSubcommittee = subcommittee;
        return this;
    }

    public String name() {
        return name;
    }

    /** The object's name in a refusal: "member 12". */
    public String what(long id) {
        return name + " " + id;
    }

    V view(E entity) {
        return view.apply(entity);
    }

    E load(EntityManager em, long id) {
        if (loader != null) {
            return loader.apply(id);
        }
        E entity = em.find(type, id);
        if (entity == null) {
            throw ProblemException.notFound("There is no " + what(id) + ".");
        }
        return entity;
    }

    String tag(V view, ETags etags) {
        return tag != null ? tag.apply(view) : etags.of((SingleResource) view);
    }

    Long subcommitteeOf(E entity, Scope scope) {
        return ownSubcommittee != null ? ownSubcommittee.apply(entity) : scope.subcommitteeId();
    }
}
