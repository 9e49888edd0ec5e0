package vn.portal.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import vn.portal.access.Access;
import vn.portal.access.MemberRole;
import vn.portal.common.paging.Finder;
import vn.portal.common.paging.PageRequest;
import vn.portal.common.paging.PageView;
import vn.portal.common.paging.SortFields;
import vn.portal.common.persistence.Changes;
import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.write.Kind;
import vn.portal.common.write.Writes;
import vn.portal.subcommittee.SubcommitteeService;
import vn.portal.user.UserRepository;

@ApplicationScoped
public class MemberService {

    public static final String ENTITY = "member";

    /** The roles only ADMIN or the subcommittee's head may give or take away. */
    private static final Set<MemberRole> LEADERSHIP = EnumSet.of(MemberRole.HEAD, MemberRole.DEPUTY_HEAD);

    public static final SortFields SORT = SortFields.byId()
            .field("fullName", "e.fullNameFolded")
            .enumField("role", "e.role", MemberRole.class)
            .field("createdAt", "e.createdAt");

    @Inject
    MemberRepository repository;

    @Inject
    SubcommitteeService subcommittees;

    @Inject
    Access access;

    @Inject
    Writes writes;

    @Inject
    UserRepository users;

    @Inject
    MemberDuties duties;

    private final Kind<Member, MemberView> kind = Kind.of(ENTITY, Member.class, MemberView::of);

    @Transactional
    public PageView<MemberView> list(long subcommitteeId, MemberFilter filter, PageRequest page) {
        subcommittees.require(subcommitteeId);
        return Finder.of(Member.class)
                .where("e.subcommitteeId = :sid", "sid", subcommitteeId)
                .where("e.role = :role", "role", filter.role())
                .where("e.active = :active", "active", filter.active())
                .search("e.searchText", filter.q())
                .page(repository.getEntityManager(), page, members -> members.stream().map(MemberView::of).toList());
    }

    @Transactional
    public MemberView get(long id) {
        Member member = repository.require(id);
        access.requireVisible(member.subcommitteeId, kind.what(id));
        return MemberView.of(member);
    }

    @Transactional
    public MemberView create(long subcommitteeId, MemberRequest request) {
        return writes.create(kind,
                () -> access.managerInside(subcommitteeId, SubcommitteeService.ENTITY + " " + subcommitteeId), changes -> {
                    Member member = new Member();
                    member.subcommitteeId = subcommitteeId;
                    apply(member, request.asPatch(), changes);
                    requirePermissionFor(member, null, changes);
                    requireRules(member);
                    return member;
                });
    }

    @Transactional
    public MemberView update(long id, MemberPatch patch, String ifMatch) {
        return writes.update(kind, id, ifMatch,
                () -> access.managerInside(repository.subcommitteeOf(id), kind.what(id)),
                (member, before, changes) -> {
                    apply(member, patch, changes);
                    requirePermissionFor(member, before, changes);
                    requireRules(member);
                });
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        writes.delete(kind, id, ifMatch, () -> access.managerInside(repository.subcommitteeOf(id), kind.what(id)),
                (member, before) -> {
                    if (LEADERSHIP.contains(member.role)) {
                        access.requireHeadOrAdmin(member.subcommitteeId);
                    }
                    if (duties.anyHeldBy(id)) {
                        throw ErrorCode.MEMBER_HAS_RESPONSIBILITIES.problem(
                                "The member holds responsibilities; set active to false instead.");
                    }
                });
    }

    /**
     * Only ADMIN links a login to a member. Only ADMIN or the head appoints: makes a member HEAD
     * or DEPUTY_HEAD, takes that role away, or (de)activates someone who holds it; the other
     * managers may still correct a head's or deputy head's other fields.
     */
    private void requirePermissionFor(Member member, MemberView before, Changes changes) {
        if (changes.touches("userId")) {
            access.requireAdmin("Only ADMIN links a login to a member (userId).");
        }
        boolean leaderBefore = before != null && LEADERSHIP.contains(before.role());
        boolean leaderAfter = LEADERSHIP.contains(member.role);
        boolean appoints = before == null ? leaderAfter
                : (changes.touches("role") || changes.touches("active")) && (leaderBefore || leaderAfter);
        if (appoints) {
            access.requireHeadOrAdmin(member.subcommitteeId);
        }
    }

    private void apply(Member m, MemberPatch patch, Changes changes) {
        changes.take(patch.fullName(), m.fullName, v -> m.fullName = v);
        changes.take(patch.position(), m.position, v -> m.position = v);
        changes.take(patch.organization(), m.organization, v -> m.organization = v);
        changes.take(patch.role(), m.role, v -> m.role = v);
        changes.take(patch.email(), m.email, v -> m.email = v);
        changes.take(patch.phone(), m.phone, v -> m.phone = v);
        changes.take(patch.active(), m.active, v -> m.active = v);
        changes.take(patch.userId(), m.userId, v -> m.userId = v);
        changes.take(patch.joinedOn(), m.joinedOn, v -> m.joinedOn = v);
        changes.take(patch.leftOn(), m.leftOn, v -> m.leftOn = v);
        m.derive();
    }

    private void requireRules(Member m) {
        if (m.joinedOn != null && m.leftOn != null && m.leftOn.isBefore(m.joinedOn)) {
            throw ProblemException.invalid("leftOn", "must not be before joinedOn (" + m.joinedOn + ")");
        }
        if (m.isActiveHead()) {
            repository.activeHead(m.subcommitteeId).filter(head -> !head.id.equals(m.id)).ifPresent(head -> {
                throw ErrorCode.HEAD_ALREADY_ASSIGNED.problem("The subcommittee already has an active head (member " + head.id + ").")
                        .with("conflictingId", head.id);
            });
        }
        if (m.userId != null && users.findByIdOptional(m.userId).isEmpty()) {
            throw ProblemException.invalid("userId", "there is no user " + m.userId);
        }
        if (m.userId != null) {
            repository.byUser(m.subcommitteeId, m.userId).filter(other -> !other.id.equals(m.id)).ifPresent(other -> {
                throw ErrorCode.USER_ALREADY_MEMBER.problem("User " + m.userId + " is already linked to member " + other.id + " of this subcommittee.")
                        .with("conflictingId", other.id);
            });
        }
        repository.byEmail(m.subcommitteeId, m.email.toLowerCase(Locale.ROOT))
                .filter(other -> !other.id.equals(m.id)).ifPresent(other -> {
                    throw ErrorCode.EMAIL_TAKEN.problem("Member " + other.id + " of this subcommittee already has this email.")
                            .with("conflictingId", other.id);
                });
    }
}
