package vn.portal.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;
import vn.portal.common.concurrency.ETags;
import vn.portal.common.json.Body;
import vn.portal.common.paging.Finder;
import vn.portal.common.paging.PageRequest;
import vn.portal.common.paging.PageView;
import vn.portal.common.paging.SortFields;
import vn.portal.common.persistence.Changes;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.time.PortalClock;
import vn.portal.subcommittee.SubcommitteeService;

@ApplicationScoped
public class MemberService {

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
        return MemberView.of(repository.require(id));
    }

    @Transactional
    public MemberView create(long subcommitteeId, Body body) {
        subcommittees.lockOpenForWrite(subcommitteeId);
        Member member = new Member();
        member.subcommitteeId = subcommitteeId;
        apply(member, body, new Changes());
        requireRules(member);
        member.created(clock.now());
        repository.persist(member);
        repository.flush();
        return MemberView.of(member);
    }

    @Transactional
    public MemberView update(long id, Body body, String ifMatch) {
        subcommittees.lockOpenForWrite(repository.subcommitteeOf(id));
        Member member = repository.require(id);
        etags.requireMatch(ifMatch, MemberView.of(member));
        Changes changes = new Changes();
        apply(member, body, changes);
        requireRules(member);
        if (!changes.isEmpty()) {
            member.updatedAt = clock.now();
        }
        repository.flush();
        return MemberView.of(member);
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        subcommittees.lockOpenForWrite(repository.subcommitteeOf(id));
        Member member = repository.require(id);
        etags.requireMatch(ifMatch, MemberView.of(member));
        if (repository.holdsResponsibilities(id)) {
            throw ProblemException.conflict("MEMBER_HAS_RESPONSIBILITIES",
                    "The member holds responsibilities; set active to false instead.");
        }
        repository.delete(member);
        repository.flush();
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
            changes.set("userId", m.userId, requireUser(body.id("userId")), v -> m.userId = v);
        }
        changes.take(body, "joinedOn", m.joinedOn, v -> m.joinedOn = v);
        changes.take(body, "leftOn", m.leftOn, v -> m.leftOn = v);
        m.derive();
    }

    /**
     * There are no logins yet, so no id can name one: a userId other than null is a reference to
     * something that does not exist.
     */
    private static Long requireUser(Long userId) {
        if (userId != null) {
            throw ProblemException.invalid("userId", "there is no user " + userId);
        }
        return null;
    }

    private void requireRules(Member m) {
        if (m.joinedOn != null && m.leftOn != null && m.leftOn.isBefore(m.joinedOn)) {
            throw ProblemException.invalid("leftOn", "must not be before joinedOn (" + m.joinedOn + ")");
        }
        if (m.isActiveHead()) {
            repository.activeHead(m.subcommitteeId).filter(head -> !head.id.equals(m.id)).ifPresent(head -> {
                throw ProblemException.conflict("HEAD_ALREADY_ASSIGNED",
                        "The subcommittee already has an active head (member " + head.id + ").")
                        .with("conflictingId", head.id);
            });
        }
        repository.byEmail(m.subcommitteeId, m.email.toLowerCase(Locale.ROOT))
                .filter(other -> !other.id.equals(m.id)).ifPresent(other -> {
                    throw ProblemException.conflict("EMAIL_TAKEN",
                            "Member " + other.id + " of this subcommittee already has this email.")
                            .with("conflictingId", other.id);
                });
    }
}
