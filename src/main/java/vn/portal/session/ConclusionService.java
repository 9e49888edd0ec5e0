package vn.portal.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.portal.access.Access;
import vn.portal.common.paging.Finder;
import vn.portal.common.paging.PageRequest;
import vn.portal.common.paging.PageView;
import vn.portal.common.paging.SortFields;
import vn.portal.common.persistence.Changes;
import vn.portal.common.problem.FieldError;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.write.Kind;
import vn.portal.common.write.Scope;
import vn.portal.common.write.Writes;
import vn.portal.responsibility.ResponsibilityRepository;
import vn.portal.responsibility.ResponsibilityRole;

/** A session's conclusions, while the session is open; closing it applies them ({@link SessionClosing}). */
@ApplicationScoped
public class ConclusionService {

    public static final String ENTITY = "conclusion";

    public static final SortFields SORT = SortFields.byId();

    static final Kind<Conclusion, ConclusionView> KIND = Kind.of(ENTITY, Conclusion.class, ConclusionView::of);

    /** The fields only some kinds take, by kind; a conclusion of another kind must leave them out. */
    private static final Map<ConclusionKind, Set<String>> FIELDS = Map.of(
            ConclusionKind.INFORMATION, Set.of(),
            ConclusionKind.DECISION, Set.of(),
            ConclusionKind.TASK, Set.of("memberId", "area", "documentSection", "role", "title", "dueOn"),
            ConclusionKind.MILESTONE, Set.of("title", "dueOn", "responsibilityIds"),
            ConclusionKind.ADOPTION, Set.of("documentId", "documentVersion"));

    @Inject
    SessionRepository sessions;

    @Inject
    SessionService sessionService;

    @Inject
    ResponsibilityRepository responsibilities;

    @Inject
    Access access;

    @Inject
    Writes writes;

    @Transactional
    public PageView<ConclusionView> list(long sessionId, PageRequest page) {
        sessionService.requireVisible(sessionId);
        return Finder.of(Conclusion.class).where("e.sessionId = :sid", "sid", sessionId)
                .page(sessions.getEntityManager(), page, list -> list.stream().map(ConclusionView::of).toList());
    }

    @Transactional
    public ConclusionView get(long id) {
        Conclusion conclusion = require(id);
        access.requireVisible(conclusion.subcommitteeId, KIND.what(id));
        return ConclusionView.of(conclusion);
    }

    @Transactional
    public ConclusionView create(long sessionId, ConclusionRequest request) {
        return writes.create(KIND, () -> sessionService.managerInside(sessionId), changes -> {
            Session session = sessions.require(sessionId);
            SessionService.requireOpen(session);
            Conclusion conclusion = new Conclusion();
            conclusion.sessionId = sessionId;
            conclusion.subcommitteeId = session.subcommitteeId;
            apply(conclusion, request.asPatch(), changes);
            return conclusion;
        });
    }

    @Transactional
    public ConclusionView update(long id, ConclusionPatch patch, String ifMatch) {
        return writes.update(KIND, id, ifMatch, () -> managerInside(id), (conclusion, before, changes) -> {
            SessionService.requireOpen(sessions.require(conclusion.sessionId));
            apply(conclusion, patch, changes);
        });
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        writes.delete(KIND, id, ifMatch, () -> managerInside(id),
                (conclusion, before) -> SessionService.requireOpen(sessions.require(conclusion.sessionId)));
    }

    private Conclusion require(long id) {
        Conclusion conclusion = sessions.getEntityManager().find(Conclusion.class, id);
        if (conclusion == null) {
            throw ProblemException.notFound("There is no " + KIND.what(id) + ".");
        }
        return conclusion;
    }

    private Scope managerInside(long id) {
        Long subcommitteeId = sessions.getEntityManager()
                .createQuery("select c.subcommitteeId from Conclusion c where c.id = :id", Long.class)
                .setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("There is no " + KIND.what(id) + "."));
        return access.managerInside(subcommitteeId, KIND.what(id));
    }

    private void apply(Conclusion c, ConclusionPatch patch, Changes changes) {
        changes.take(patch.kind(), c.kind, v -> c.kind = v);
        changes.take(patch.text(), c.text, v -> c.text = v);
        changes.take(patch.agendaItemId(), c.agendaItemId, v -> c.agendaItemId = v);
        changes.take(patch.memberId(), c.memberId, v -> c.memberId = v);
        changes.take(patch.area(), c.area, v -> c.area = v);
        changes.take(patch.documentSection(), c.documentSection, v -> c.documentSection = v);
        changes.take(patch.role(), c.role, v -> c.role = v);
        changes.take(patch.title(), c.title, v -> c.title = v);
        changes.take(patch.dueOn(), c.dueOn, v -> c.dueOn = v);
        patch.responsibilityIds().ifPresent(ids -> {
            Set<Long> wanted = ids == null ? new HashSet<>() : new HashSet<>(ids);
            changes.set("responsibilityIds", new HashSet<>(c.responsibilityIds), wanted, v -> {
                c.responsibilityIds.retainAll(v);
                c.responsibilityIds.addAll(v);
            });
        });
        changes.take(patch.documentId(), c.documentId, v -> c.documentId = v);
        changes.take(patch.documentVersion(), c.documentVersion, v -> c.documentVersion = v);
        if (c.kind == ConclusionKind.TASK && c.role == null) {
            changes.set("role", null, ResponsibilityRole.LEAD, v -> c.role = v);
        }
        requireWhole(c, patch);
    }

    /** The conclusion as it now stands must be one of its kind, its references inside the subcommittee. */
    private void requireWhole(Conclusion c, ConclusionPatch patch) {
        if (c.kind == ConclusionKind.ADOPTION) {
            throw ProblemException.invalid("kind", "ADOPTION adopts a version of a document, and the service holds "
                    + "no documents yet: record the adoption as a DECISION for now");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> own = FIELDS.get(c.kind);
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("memberId", c.memberId);
        values.put("area", c.area);
        values.put("documentSection", c.documentSection);
        values.put("role", c.role);
        values.put("title", c.title);
        values.put("dueOn", c.dueOn);
        values.put("responsibilityIds", c.responsibilityIds.isEmpty() ? null : c.responsibilityIds);
        values.put("documentId", c.documentId);
        values.put("documentVersion", c.documentVersion);
        values.forEach((field, value) -> {
            if (value != null && !own.contains(field)) {
                errors.add(new FieldError(field, "is not a field of a " + c.kind + " conclusion"));
            }
        });
        List<String> required = switch (c.kind) {
            case TASK -> List.of("memberId", "area", "documentSection");
            case MILESTONE -> List.of("title", "dueOn");
            default -> List.of();
        };
        for (String field : required) {
            if (values.get(field) == null) {
                errors.add(new FieldError(field, "is required for a " + c.kind + " conclusion"));
            }
        }
        if (c.agendaItemId != null && patch.agendaItemId().isPresent()) {
            AgendaItem item = sessions.getEntityManager().find(AgendaItem.class, c.agendaItemId);
            if (item == null || !item.sessionId.equals(c.sessionId)) {
                errors.add(new FieldError("agendaItemId", "must be an item of this session's agenda"));
            }
        }
        if (c.memberId != null && patch.memberId().isPresent() && !sessions.isMember(c.subcommitteeId, c.memberId)) {
            errors.add(new FieldError("memberId", "must be a member of this subcommittee"));
        }
        patch.responsibilityIds().ifPresent(ids -> {
            if (ids != null && !ids.isEmpty()) {
                Set<Long> existing = new HashSet<>(responsibilities.existingIn(c.subcommitteeId, ids));
                for (int i = 0; i < ids.size(); i++) {
                    if (!existing.contains(ids.get(i))) {
                        errors.add(new FieldError("responsibilityIds[" + i + "]",
                                "must be a responsibility of this subcommittee"));
                    }
                }
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
