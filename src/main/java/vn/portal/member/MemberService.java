package vn.portal.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import vn.portal.access.Access;
import vn.portal.access.MemberRole;
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
    PortalClock clock;

    @Inject
    ETags etags;

    @Inject
    Access access;

    @Inject
    AuditTrail audit;

    @Inject
    UserRepository users;

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
        access.requireVisible(member.subcommitteeId, what(id));
        return MemberView.of(member);
    }

    @Transactional
    public MemberView create(long subcommitteeId, Body body) {
        access.requireManager(subcommitteeId, SubcommitteeService.ENTITY + " " + subcommitteeId);
        subcommittees.lockOpenForWrite(subcommitteeId);
        Member member = new Member();
        member.subcommitteeId = subcommitteeId;
        Changes changes = new Changes();
        apply(member, body, changes);
        requirePermissionFor(member, null, changes);
        requireRules(member);
        member.created(clock.now());
        repository.persist(member);
        repository.flush();
        MemberView view = MemberView.of(member);
        audit.created(ENTITY, member.id, subcommitteeId, view);
        return view;
    }

    @Transactional
    public MemberView update(long id, Body body, String ifMatch) {
        long subcommitteeId = repository.subcommitteeOf(id);
        access.requireManager(subcommitteeId, what(id));
        subcommittees.lockOpenForWrite(subcommitteeId);
        Member member = repository.require(id);
        MemberView before = MemberView.of(member);
        etags.requireMatch(ifMatch, before);
        Changes changes = new Changes();
        apply(member, body, changes);
        requirePermissionFor(member, before, changes);
        requireRules(member);
        if (!changes.isEmpty()) {
            member.updatedAt = clock.now();
        }
        repository.flush();
        MemberView after = MemberView.of(member);
        audit.updated(ENTITY, id, subcommitteeId, before, after);
        return after;
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        long subcommitteeId = repository.subcommitteeOf(id);
        access.requireManager(subcommitteeId, what(id));
        subcommittees.lockOpenForWrite(subcommitteeId);
        Member member = repository.require(id);
        MemberView before = MemberView.of(member);
        etags.requireMatch(ifMatch, before);
        if (LEADERSHIP.contains(member.role)) {
            access.requireHeadOrAdmin(subcommitteeId);
        }
        if (repository.holdsResponsibilities(id)) {
            throw ErrorCode.MEMBER_HAS_RESPONSIBILITIES.problem("The member holds responsibilities; set active to false instead.");
        }
        repository.delete(member);
        repository.flush();
        audit.deleted(ENTITY, id, subcommitteeId, before);
    }

    /**
     * Only ADMIN links a login to a member. Only ADMIN or the head appoints: makes a member HEAD
     * or DEPUTY_HEAD, takes that role away, or (de)activates someone who holds it; the other
     * managers may still correct a head's or deputy head's other fields.
     */
    private void requirePermissionFor(Member member, MemberView before, Changes changes) {
        if (touches(changes, "userId")) {
            access.requireAdmin("Only ADMIN links a login to a member (userId).");
        }
        boolean leaderBefore = before != null && LEADERSHIP.contains(before.role());
        boolean leaderAfter = LEADERSHIP.contains(member.role);
        boolean appoints = before == null ? leaderAfter
                : (touches(changes, "role") || touches(changes, "active")) && (leaderBefore || leaderAfter);
        if (appoints) {
            access.requireHeadOrAdmin(member.subcommitteeId);
        }
    }

    private static boolean touches(Changes changes, String field) {
        return changes.all().stream().anyMatch(change -> change.field().equals(field));
    }

    private static String what(long id) {
        return ENTITY + " " + id;
    }

    private void apply(Member m, Body body, Changes changes) {
        changes.take(body, "fullName", m.fullName, v -> m.fullName = v);
        changes.take(body, "position", m.position, v -> m.position = v);
        changes.take(body, "organization", m.organization, v -> m.organization = v);
        changes.take(body, "role", m.role, v -> m.role = v);
        changes.take(body, "email", m.email, v -> m.email = v);
        changes.take(body, "phone", m.phone, v -> m.phone = v);
        changes.take(body, "active", m.active, v -> m.active = v);
        if (body.has("userId")) {
            changes.set("userId", m.userId, body.id("userId"), v -> m.userId = v);
        }
        changes.take(body, "joinedOn", m.joinedOn, v -> m.joinedOn = v);
        changes.take(body, "leftOn", m.leftOn, v -> m.leftOn = v);
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
