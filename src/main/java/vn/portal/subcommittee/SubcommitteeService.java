package vn.portal.subcommittee;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import vn.portal.access.Access;
import vn.portal.common.paging.Finder;
import vn.portal.common.paging.PageRequest;
import vn.portal.common.paging.PageView;
import vn.portal.common.paging.SortFields;
import vn.portal.common.persistence.Changes;
import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.write.Kind;
import vn.portal.common.write.Scope;
import vn.portal.common.write.Writes;

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
    Access access;

    @Inject
    Writes writes;

    @Inject
    Instance<SubcommitteeContents> contents;

    @Inject
    Heads heads;

    private final Kind<Subcommittee, SubcommitteeView> kind = Kind.of(ENTITY, Subcommittee.class, this::view)
            .filedUnder(s -> s.id);

    @Transactional
    public PageView<SubcommitteeView> list(SubcommitteeFilter filter, PageRequest page) {
        return Finder.of(Subcommittee.class)
                .whereIn("e.id", "visible", access.visibleSubcommittees())
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
    public SubcommitteeView create(SubcommitteeRequest request) {
        return writes.create(kind, () -> {
            access.requireAdmin("Only ADMIN creates subcommittees.");
            return Scope.none();
        }, changes -> {
            Subcommittee subcommittee = new Subcommittee();
            apply(subcommittee, request.asPatch(), changes);
            requireTermInOrder(subcommittee);
            requireCodeFree(subcommittee);
            return subcommittee;
        });
    }

    @Transactional
    public SubcommitteeView update(long id, SubcommitteePatch patch, String ifMatch) {
        return writes.update(kind, id, ifMatch, () -> {
            repository.requireExisting(id);
            access.requireManager(id, kind.what(id));
            return Scope.subcommittee(id);
        }, (subcommittee, before, changes) -> {
            boolean wasArchived = subcommittee.isArchived();
            apply(subcommittee, patch, changes);
            if (changes.touches("status")) {
                access.requireAdmin("Only ADMIN archives or un-archives a subcommittee.");
            }
            if (wasArchived && !changes.isEmpty()
                    && !(changes.onlyTouches("status") && subcommittee.status == SubcommitteeStatus.ACTIVE)) {
                throw SubcommitteeLocks.archived();
            }
            requireTermInOrder(subcommittee);
            requireCodeFree(subcommittee);
        });
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        writes.delete(kind, id, ifMatch, () -> {
            repository.requireExisting(id);
            access.requireVisible(id, kind.what(id));
            access.requireAdmin("Only ADMIN deletes subcommittees.");
            return Scope.subcommittee(id);
        }, (subcommittee, before) -> {
            if (subcommittee.isArchived()) {
                throw SubcommitteeLocks.archived();
            }
            if (contents.stream().anyMatch(held -> held.anyIn(id))) {
                throw ErrorCode.SUBCOMMITTEE_NOT_EMPTY.problem(
                        "The subcommittee still has members, responsibilities or milestones; archive it instead.");
            }
        });
    }

    /** The subcommittee a read goes into; 404 when it does not exist or the caller cannot see it. */
    public Subcommittee require(long id) {
        Subcommittee subcommittee = repository.require(id);
        access.requireVisible(id, kind.what(id));
        return subcommittee;
    }

    private void apply(Subcommittee s, SubcommitteePatch patch, Changes changes) {
        changes.take(patch.code(), s.code, v -> s.code = v);
        changes.take(patch.name(), s.name, v -> s.name = v);
        changes.take(patch.kind(), s.kind, v -> s.kind = v);
        changes.take(patch.congress(), s.congress, v -> s.congress = v);
        changes.take(patch.termStart(), s.termStart, v -> s.termStart = v);
        changes.take(patch.termEnd(), s.termEnd, v -> s.termEnd = v);
        changes.take(patch.description(), s.description, v -> s.description = v);
        changes.take(patch.status(), s.status, v -> s.status = v);
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

    private SubcommitteeView view(Subcommittee s) {
        return SubcommitteeView.of(s, heads.activeHeadMemberIds(List.of(s.id)).get(s.id));
    }

    private List<SubcommitteeView> views(List<Subcommittee> page) {
        Map<Long, Long> headOf = heads.activeHeadMemberIds(page.stream().map(s -> s.id).toList());
        return page.stream().map(s -> SubcommitteeView.of(s, headOf.get(s.id))).toList();
    }
}
