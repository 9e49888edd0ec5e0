package vn.portal.responsibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.portal.access.Access;
import vn.portal.common.paging.Finder;
import vn.portal.common.paging.PageRequest;
import vn.portal.common.paging.PageView;
import vn.portal.common.paging.SortFields;
import vn.portal.common.persistence.Changes;
import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.text.TextFold;
import vn.portal.common.write.Kind;
import vn.portal.common.write.Scope;
import vn.portal.common.write.Writes;
import vn.portal.member.Member;
import vn.portal.responsibility.ResponsibilityMatrix.Holder;
import vn.portal.responsibility.ResponsibilityMatrix.IdleMember;
import vn.portal.responsibility.ResponsibilityMatrix.Row;
import vn.portal.responsibility.ResponsibilityMatrix.Section;
import vn.portal.subcommittee.SubcommitteeService;

@ApplicationScoped
public class ResponsibilityService {

    public static final String ENTITY = "responsibility";

    public static final SortFields SORT = SortFields.byId()
            .field("area", "e.areaFolded")
            .field("documentSection", "e.sectionFolded")
            .nullableField("dueOn", "e.dueOn")
            .field("createdAt", "e.createdAt");

    @Inject
    ResponsibilityRepository repository;

    @Inject
    SubcommitteeService subcommittees;

    @Inject
    Access access;

    @Inject
    Writes writes;

    @Inject
    Instance<ResponsibilityUses> uses;

    private final Kind<Responsibility, ResponsibilityView> kind = Kind.of(ENTITY, Responsibility.class,
            ResponsibilityView::of);

    @Transactional
    public PageView<ResponsibilityView> list(long subcommitteeId, ResponsibilityFilter filter, PageRequest page) {
        subcommittees.require(subcommitteeId);
        return Finder.of(Responsibility.class)
                .where("e.subcommitteeId = :sid", "sid", subcommitteeId)
                .where("e.memberId = :memberId", "memberId", filter.memberId())
                .where("e.areaFolded = :area", "area", TextFold.fold(filter.area()))
                .where("e.role = :role", "role", filter.role())
                .search("e.searchText", filter.q())
                .page(repository.getEntityManager(), page, list -> list.stream().map(ResponsibilityView::of).toList());
    }

    @Transactional
    public ResponsibilityView get(long id) {
        Responsibility responsibility = repository.require(id);
        access.requireVisible(responsibility.subcommitteeId, kind.what(id));
        return ResponsibilityView.of(responsibility);
    }

    @Transactional
    public ResponsibilityView create(long subcommitteeId, ResponsibilityRequest request) {
        return writes.create(kind,
                () -> access.managerInside(subcommitteeId, SubcommitteeService.ENTITY + " " + subcommitteeId),
                changes -> build(subcommitteeId, request, null, changes));
    }

    /**
     * A responsibility that a session's conclusion makes as the session closes, under the rules a
     * direct create meets; whoever may close the session may, which the closing checked.
     */
    @Transactional
    public ResponsibilityView createConcluded(long subcommitteeId, ResponsibilityRequest request, long conclusionId) {
        return writes.create(kind, () -> Scope.inside(subcommitteeId),
                changes -> build(subcommitteeId, request, conclusionId, changes));
    }

    private Responsibility build(long subcommitteeId, ResponsibilityRequest request, Long conclusionId, Changes changes) {
        Responsibility responsibility = new Responsibility();
        responsibility.subcommitteeId = subcommitteeId;
        responsibility.conclusionId = conclusionId;
        apply(responsibility, request.asPatch(), changes);
        requireSingleLead(responsibility);
        return responsibility;
    }

    @Transactional
    public ResponsibilityView update(long id, ResponsibilityPatch patch, String ifMatch) {
        return writes.update(kind, id, ifMatch,
                () -> access.managerInside(repository.subcommitteeOf(id), kind.what(id)),
                (responsibility, before, changes) -> {
                    apply(responsibility, patch, changes);
                    requireSingleLead(responsibility);
                });
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        writes.delete(kind, id, ifMatch, () -> access.managerInside(repository.subcommitteeOf(id), kind.what(id)),
                (responsibility, before) -> {
                    if (uses.stream().anyMatch(use -> use.anyOf(id))) {
                        throw ErrorCode.RESPONSIBILITY_IN_USE.problem("A milestone or submission uses this "
                                + "responsibility; take it out of the milestone first.");
                    }
                });
    }

    @Transactional
    public ResponsibilityMatrix matrix(long subcommitteeId) {
        subcommittees.require(subcommitteeId);
        List<Row> rows = new ArrayList<>();
        List<Section> withoutLead = new ArrayList<>();
        String groupArea = null;
        String groupSection = null;
        Row row = null;
        for (Object[] r : repository.matrixRows(subcommitteeId)) {
            if (row == null || !Objects.equals(r[1], groupArea) || !Objects.equals(r[2], groupSection)) {
                closeGroup(row, rows, withoutLead);
                groupArea = (String) r[1];
                groupSection = (String) r[2];
                // the group is shown with the spelling of its first-created responsibility
                row = new Row((String) r[3], (String) r[4], null, new ArrayList<>());
            }
            Holder holder = new Holder((Long) r[0], (Long) r[6], (String) r[7]);
            if (r[5] == ResponsibilityRole.LEAD) {
                row = new Row(row.area(), row.documentSection(), holder, row.supports());
            } else {
                row.supports().add(holder);
            }
        }
        closeGroup(row, rows, withoutLead);
        List<IdleMember> idle = repository.activeMembersWithoutResponsibility(subcommitteeId).stream()
                .map(m -> new IdleMember(m.id, m.fullName, m.role)).toList();
        return new ResponsibilityMatrix(rows, withoutLead, idle);
    }

    private static void closeGroup(Row row, List<Row> rows, List<Section> withoutLead) {
        if (row == null) {
            return;
        }
        rows.add(new Row(row.area(), row.documentSection(), row.lead(), List.copyOf(row.supports())));
        if (row.lead() == null) {
            withoutLead.add(new Section(row.area(), row.documentSection()));
        }
    }

    private void apply(Responsibility r, ResponsibilityPatch patch, Changes changes) {
        patch.memberId().ifPresent(memberId -> requireMemberOf(r.subcommitteeId, memberId));
        changes.take(patch.memberId(), r.memberId, v -> r.memberId = v);
        changes.take(patch.area(), r.area, v -> r.area = v);
        changes.take(patch.documentSection(), r.documentSection, v -> r.documentSection = v);
        changes.take(patch.title(), r.title, v -> r.title = v);
        changes.take(patch.description(), r.description, v -> r.description = v);
        changes.take(patch.role(), r.role, v -> r.role = v);
        changes.take(patch.dueOn(), r.dueOn, v -> r.dueOn = v);
        r.derive();
    }

    private void requireMemberOf(long subcommitteeId, Long memberId) {
        Member member = repository.getEntityManager().find(Member.class, memberId);
        if (member == null || member.subcommitteeId != subcommitteeId) {
            throw ProblemException.invalid("memberId", "must be a member of this subcommittee");
        }
    }

    private void requireSingleLead(Responsibility r) {
        if (r.leadKey != null) {
            repository.otherLead(r.subcommitteeId, r.leadKey, r.id).ifPresent(lead -> {
                throw ErrorCode.RESPONSIBILITY_OVERLAP.problem("Responsibility " + lead.id
                        + " already leads " + lead.area + " / " + lead.documentSection + ".")
                        .with("conflictingId", lead.id);
            });
        }
    }
}
