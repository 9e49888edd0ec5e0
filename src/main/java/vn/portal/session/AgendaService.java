package vn.portal.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import vn.portal.access.Access;
import vn.portal.common.paging.Finder;
import vn.portal.common.paging.PageRequest;
import vn.portal.common.paging.PageView;
import vn.portal.common.paging.SortFields;
import vn.portal.common.persistence.Changes;
import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.time.PortalClock;
import vn.portal.common.write.Kind;
import vn.portal.common.write.Scope;
import vn.portal.common.write.Writes;

/**
 * A session's agenda, kept at positions 1..n without gaps: inserting at a place moves the items
 * from there down, moving one shifts those between its old and new place, deleting one closes
 * the gap. Every change runs under the subcommittee's lock (the write path takes it before
 * anything is read), so concurrent edits of one agenda queue and each sees the others' numbering;
 * each item another one's change renumbered is recorded as updated, like any other change of it.
 */
@ApplicationScoped
public class AgendaService {

    public static final String ENTITY = "agenda_item";

    public static final SortFields SORT = SortFields.defaultingTo("e.position asc").field("position", "e.position");

    @Inject
    SessionRepository sessions;

    @Inject
    SessionService sessionService;

    @Inject
    Access access;

    @Inject
    Writes writes;

    @Inject
    PortalClock clock;

    private final Kind<AgendaItem, AgendaItemView> kind = Kind.of(ENTITY, AgendaItem.class, AgendaItemView::of);

    /** An item another write moved, with how it was shown before. */
    private record Shifted(AgendaItem item, AgendaItemView before) {
    }

    @Transactional
    public PageView<AgendaItemView> list(long sessionId, PageRequest page) {
        sessionService.requireVisible(sessionId);
        return Finder.of(AgendaItem.class).where("e.sessionId = :sid", "sid", sessionId)
                .page(sessions.getEntityManager(), page, list -> list.stream().map(AgendaItemView::of).toList());
    }

    @Transactional
    public AgendaItemView get(long id) {
        AgendaItem item = require(id);
        access.requireVisible(item.subcommitteeId, what(id));
        return AgendaItemView.of(item);
    }

    @Transactional
    public AgendaItemView create(long sessionId, AgendaItemRequest request) {
        List<Shifted> shifted = new ArrayList<>();
        AgendaItemView created = writes.create(kind, () -> sessionService.managerInside(sessionId), changes -> {
            Session session = sessions.require(sessionId);
            SessionService.requireOpen(session);
            List<AgendaItem> items = itemsOf(sessionId);
            int at = request.position() == null ? items.size() + 1 : request.position();
            requirePlace(at, items.size() + 1);
            AgendaItem item = new AgendaItem();
            item.sessionId = sessionId;
            item.subcommitteeId = session.subcommitteeId;
            AgendaItemPatch patch = request.asPatch();
            apply(item, patch, changes);
            shift(items, at, items.size(), 1, shifted);
            item.position = at;
            return item;
        });
        recordShifts(shifted);
        return created;
    }

    @Transactional
    public AgendaItemView update(long id, AgendaItemPatch patch, String ifMatch) {
        List<Shifted> shifted = new ArrayList<>();
        AgendaItemView updated = writes.update(kind, id, ifMatch, () -> managerInside(id), (item, before, changes) -> {
            SessionService.requireOpen(sessions.require(item.sessionId));
            patch.position().ifPresent(to -> {
                List<AgendaItem> others = itemsOf(item.sessionId).stream().filter(o -> !o.id.equals(item.id)).toList();
                requirePlace(to, others.size() + 1);
                int from = item.position;
                if (to < from) {
                    shift(others, to, from - 1, 1, shifted);
                } else if (to > from) {
                    shift(others, from + 1, to, -1, shifted);
                }
                changes.set("position", from, to, v -> item.position = v);
            });
            apply(item, patch, changes);
        });
        recordShifts(shifted);
        return updated;
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        List<Shifted> shifted = new ArrayList<>();
        writes.delete(kind, id, ifMatch, () -> managerInside(id), (item, before) -> {
            SessionService.requireOpen(sessions.require(item.sessionId));
            if (sessions.getEntityManager().createQuery("select count(c) from Conclusion c where c.agendaItemId = :id",
                    Long.class).setParameter("id", id).getSingleResult() > 0) {
                throw ErrorCode.AGENDA_ITEM_IN_USE.problem("A conclusion of the session names this agenda item; "
                        + "take it off the conclusion first.");
            }
            List<AgendaItem> others = itemsOf(item.sessionId).stream().filter(o -> !o.id.equals(item.id)).toList();
            shift(others, item.position + 1, others.size() + 1, -1, shifted);
        });
        recordShifts(shifted);
    }

    /** The item a read or write goes into; 404 when it does not exist. */
    AgendaItem require(long id) {
        AgendaItem item = sessions.getEntityManager().find(AgendaItem.class, id);
        if (item == null) {
            throw ProblemException.notFound("There is no " + what(id) + ".");
        }
        return item;
    }

    private Scope managerInside(long id) {
        Long subcommitteeId = sessions.getEntityManager()
                .createQuery("select a.subcommitteeId from AgendaItem a where a.id = :id", Long.class)
                .setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("There is no " + what(id) + "."));
        return access.managerInside(subcommitteeId, what(id));
    }

    private static String what(long id) {
        return "agenda item " + id;
    }

    private List<AgendaItem> itemsOf(long sessionId) {
        return sessions.getEntityManager()
                .createQuery("select a from AgendaItem a where a.sessionId = :sid order by a.position, a.id", AgendaItem.class)
                .setParameter("sid", sessionId).getResultList();
    }

    private static void requirePlace(int position, int last) {
        if (position > last) {
            throw ProblemException.invalid("position", "must be from 1 to " + last);
        }
    }

    /** Moves by {@code by} every item whose position is from {@code first} to {@code last}. */
    private void shift(List<AgendaItem> items, int first, int last, int by, List<Shifted> shifted) {
        for (AgendaItem item : items) {
            if (item.position >= first && item.position <= last) {
                shifted.add(new Shifted(item, AgendaItemView.of(item)));
                item.position += by;
                item.touched(clock.now());
            }
        }
    }

    /** After the write's flush (which gave the renumbered items their new versions), records each of them. */
    private void recordShifts(List<Shifted> shifted) {
        for (Shifted s : shifted) {
            Changes changes = new Changes();
            changes.set("position", s.before().position(), s.item().position, v -> {
            });
            writes.recordStatement(kind, s.item().id, Scope.inside(s.item().subcommitteeId), s.before(),
                    AgendaItemView.of(s.item()), changes);
        }
    }

    private void apply(AgendaItem a, AgendaItemPatch patch, Changes changes) {
        patch.presenterMemberId().ifPresent(presenter -> {
            if (presenter != null && !sessions.isMember(a.subcommitteeId, presenter)) {
                throw ProblemException.invalid("presenterMemberId", "must be a member of this subcommittee");
            }
        });
        patch.documentId().ifPresent(document -> {
            if (document != null) {
                throw ProblemException.invalid("documentId", "must be a document of this subcommittee; "
                        + "the service holds no documents yet");
            }
        });
        changes.take(patch.title(), a.title, v -> a.title = v);
        changes.take(patch.presenterMemberId(), a.presenterMemberId, v -> a.presenterMemberId = v);
        changes.take(patch.durationMinutes(), a.durationMinutes, v -> a.durationMinutes = v);
        changes.take(patch.documentId(), a.documentId, v -> a.documentId = v);
    }
}
