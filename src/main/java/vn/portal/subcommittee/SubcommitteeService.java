package vn.portal.subcommittee;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.portal.access.Access;
import vn.portal.audit.AuditTrail;
import vn.portal.common.concurrency.ETags;
import vn.portal.common.json.Body;
import vn.portal.common.paging.Finder;
import vn.portal.common.paging.PageRequest;
import vn.portal.common.paging.PageView;
import vn.portal.common.paging.SortFields;
import vn.portal.common.persistence.Changes;
import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.time.PortalClock;

@ApplicationScoped
public class SubcommitteeService {

    public static final String ENTITY = "subcommittee";

    public static final SortFields SORT = SortFields.byId()
            .field("code", "e.codeFolded")
            .field("name", "e.nameFolded")
            .field("termStart", "e.termStart")
            .field("createdAt", "e.createdAt");

    @Inject
    SubcommitteeRepository repository;

    @Inject
    PortalClock clock;

    @Inject
    ETags etags;

    @Inject
    Access access;

    @Inject
    AuditTrail audit;

    @Transactional
    public PageView<SubcommitteeView> list(SubcommitteeFilter filter, PageRequest page) {
        return Finder.of(Subcommittee.class)
                .where(Access.visibleClause("e.id"), "callerId", access.restrictedTo())
                .where("e.kind = :kind", "kind", filter.kind())
                .where("e.status = :status", "status", filter.status())
                .search("e.searchText", filter.q())
                .page(repository.getEntityManager(), page, this::views);
    }

    @Transactional
    public SubcommitteeView get(long id) {
        return view(require(id));
    }

    @Transactional
    public SubcommitteeView create(Body body) {
        access.requireAdmin("Only ADMIN creates subcommittees.");
        Subcommittee subcommittee = new Subcommittee();
        apply(subcommittee, body, new Changes());
        requireTermInOrder(subcommittee);
        requireCodeFree(subcommittee);
        subcommittee.created(clock.now());
        repository.persist(subcommittee);
        repository.flush();
        SubcommitteeView view = view(subcommittee);
        audit.created(ENTITY, subcommittee.id, subcommittee.id, view);
        return view;
    }

    @Transactional
    public SubcommitteeView update(long id, Body body, String ifMatch) {
        Subcommittee subcommittee = repository.lockForWrite(id);
        access.requireManager(id, what(id));
        SubcommitteeView before = view(subcommittee);
        etags.requireMatch(ifMatch, before);
        boolean wasArchived = subcommittee.isArchived();
        Changes changes = new Changes();
        apply(subcommittee, body, changes);
        if (changes.all().stream().anyMatch(change -> change.field().equals("status"))) {
            access.requireAdmin("Only ADMIN archives or un-archives a subcommittee.");
        }
        if (wasArchived && !changes.isEmpty()
                && !(changes.onlyTouches("status") && subcommittee.status == SubcommitteeStatus.ACTIVE)) {
            throw archived();
        }
        requireTermInOrder(subcommittee);
        requireCodeFree(subcommittee);
        if (!changes.isEmpty()) {
            subcommittee.updatedAt = clock.now();
        }
        repository.flush();
        SubcommitteeView after = view(subcommittee);
        audit.updated(ENTITY, id, id, before, after);
        return after;
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        Subcommittee subcommittee = repository.lockForWrite(id);
        access.requireVisible(id, what(id));
        access.requireAdmin("Only ADMIN deletes subcommittees.");
        SubcommitteeView before = view(subcommittee);
        etags.requireMatch(ifMatch, before);
        if (subcommittee.isArchived()) {
            throw archived();
        }
        if (repository.hasContents(id)) {
            throw ErrorCode.SUBCOMMITTEE_NOT_EMPTY.problem("The subcommittee still has members, responsibilities or milestones; archive it instead.");
        }
        repository.delete(subcommittee);
        repository.flush();
        audit.deleted(ENTITY, id, id, before);
    }

    /** The subcommittee a read goes into; 404 when it does not exist or the caller cannot see it. */
    public Subcommittee require(long id) {
        Subcommittee subcommittee = repository.require(id);
        access.requireVisible(id, what(id));
        return subcommittee;
    }

    private static String what(long id) {
        return ENTITY + " " + id;
    }

    /**
     * Locks the subcommittee that a write goes into and refuses the write while it is archived.
     * Must run inside the writer's transaction.
     */
    public Subcommittee lockOpenForWrite(long id) {
        Subcommittee subcommittee = repository.lockForWrite(id);
        if (subcommittee.isArchived()) {
            throw archived();
        }
        return subcommittee;
    }

    /** Of the given subcommittees, those that are archived: nothing inside them may change. */
    public Set<Long> archivedAmong(Collection<Long> ids) {
        return repository.archivedAmong(ids);
    }

    private void apply(Subcommittee s, Body body, Changes changes) {
        changes.take(body, "code", s.code, v -> s.code = v);
        changes.take(body, "name", s.name, v -> s.name = v);
        changes.take(body, "kind", s.kind, v -> s.kind = v);
        changes.take(body, "congress", s.congress, v -> s.congress = v);
        changes.take(body, "termStart", s.termStart, v -> s.termStart = v);
        changes.take(body, "termEnd", s.termEnd, v -> s.termEnd = v);
        changes.take(body, "description", s.description, v -> s.description = v);
        changes.take(body, "status", s.status, v -> s.status = v);
        s.derive();
    }

    private static void requireTermInOrder(Subcommittee s) {
        if (s.termStart > s.termEnd) {
            throw ProblemException.invalid("termEnd", "must not be before termStart (" + s.termStart + ")");
        }
    }

    private void requireCodeFree(Subcommittee s) {
        if (repository.codeTaken(s.codeFolded, s.id)) {
            throw ErrorCode.CODE_TAKEN.problem("A subcommittee with code " + s.code + " already exists.");
        }
    }

    private static ProblemException archived() {
        return ErrorCode.SUBCOMMITTEE_ARCHIVED.problem("The subcommittee is archived: nothing in it changes until its status is set back to ACTIVE.");
    }

    private SubcommitteeView view(Subcommittee s) {
        return SubcommitteeView.of(s, repository.headMemberIds(List.of(s.id)).get(s.id));
    }

    private List<SubcommitteeView> views(List<Subcommittee> page) {
        Map<Long, Long> heads = repository.headMemberIds(page.stream().map(s -> s.id).toList());
        return page.stream().map(s -> SubcommitteeView.of(s, heads.get(s.id))).toList();
    }
}
