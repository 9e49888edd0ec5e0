package vn.portal.access;

import static vn.portal.common.problem.ProblemException.forbidden;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import vn.portal.common.idempotency.KeyOwner;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.write.Scope;

/**
 * The permission table of the contract, asked by the services before they touch anything.
 * An object in a subcommittee the caller cannot see is answered as if it did not exist
 * ({@code 404}, with the same detail); a visible one the caller may not change is a {@code 403}.
 */
@ApplicationScoped
public class Access implements KeyOwner {

    /** The member roles that run a subcommittee: they change its plan and review its submissions. */
    public static final Set<MemberRole> MANAGERS = EnumSet.of(MemberRole.HEAD, MemberRole.DEPUTY_HEAD,
            MemberRole.SECRETARY, MemberRole.SUPPORT_STAFF);

    private static final ThreadLocal<Caller> acting = new ThreadLocal<>();

    @Inject
    CurrentIdentityAssociation identities;

    /** The caller of the current request, or the one {@link #actAs} set for work outside requests. */
    public Caller caller() {
        Caller caller = acting.get();
        if (caller != null) {
            return caller;
        }
        SecurityIdentity identity = identities.getIdentity();
        caller = identity.getAttribute(Caller.ATTRIBUTE);
        if (caller == null) {
            throw ProblemException.unauthenticated();
        }
        return caller;
    }

    /** Keys of Idempotency-Key belong to the user who sent them. */
    @Override
    public long currentUserId() {
        return caller().userId();
    }

    /** Runs work that no request carries (the demo story) as the given caller. */
    public <T> T actAs(Caller caller, Supplier<T> work) {
        Caller before = acting.get();
        acting.set(caller);
        try {
            return work.get();
        } finally {
            acting.set(before);
        }
    }

    /** Reading anything inside a subcommittee. {@code what} names the object for the 404: "member 12". */
    public Caller requireVisible(long subcommitteeId, String what) {
        Caller caller = caller();
        if (!caller.sees(subcommitteeId)) {
            throw ProblemException.notFound("There is no " + what + ".");
        }
        return caller;
    }

    /** Changing the subcommittee's fields, members, responsibilities and milestones; reviewing submissions. */
    public void requireManager(long subcommitteeId, String what) {
        if (!manages(requireVisible(subcommitteeId, what), subcommitteeId)) {
            throw forbidden("Only the subcommittee's head, deputy heads, secretaries and support staff may do this.");
        }
    }

    /**
     * The write path's guard for a change inside a subcommittee that only its managers make (its
     * members, responsibilities, milestones): where the write goes, once the caller may make it.
     */
    public Scope managerInside(long subcommitteeId, String what) {
        requireManager(subcommitteeId, what);
        return Scope.inside(subcommitteeId);
    }

    /** Creating, editing, submitting, deleting a submission and its attachments. */
    public void requireSubmissionEditor(long subcommitteeId, long responsibilityMemberId, String what) {
        if (!editsSubmission(requireVisible(subcommitteeId, what), subcommitteeId, responsibilityMemberId)) {
            throw forbidden("A member may work only on submissions under a responsibility of their own.");
        }
    }

    /** Working on submissions at all: the managers, and a MEMBER (under their own responsibilities). */
    public void requireSubmissionWorker(long subcommitteeId, String what) {
        Caller caller = requireVisible(subcommitteeId, what);
        if (!manages(caller, subcommitteeId)
                && caller.in(subcommitteeId).map(m -> m.role() != MemberRole.MEMBER).orElse(true)) {
            throw forbidden("Only the subcommittee's members work on its submissions.");
        }
    }

    /** Commenting: every member of the subcommittee, whatever their role, and ADMIN. */
    public void requireCommenter(long subcommitteeId, String what) {
        Caller caller = requireVisible(subcommitteeId, what);
        if (!caller.isAdmin() && caller.in(subcommitteeId).isEmpty()) {
            throw forbidden("Only members of the subcommittee may comment.");
        }
    }

    /** Making a member HEAD or DEPUTY_HEAD, or changing the role of one who is. */
    public void requireHeadOrAdmin(long subcommitteeId) {
        Caller caller = caller();
        boolean head = caller.in(subcommitteeId).map(m -> m.role() == MemberRole.HEAD).orElse(false);
        if (!caller.isAdmin() && !head) {
            throw forbidden("Only ADMIN or the subcommittee's head appoints a head or deputy head.");
        }
    }

    public void requireAdmin(String detail) {
        if (!caller().isAdmin()) {
            throw forbidden(detail);
        }
    }

    /** Reading users: ADMIN and AUDITOR. */
    public void requireSeesEverything(String detail) {
        if (!caller().seesEverything()) {
            throw forbidden(detail);
        }
    }

    public boolean manages(Caller caller, long subcommitteeId) {
        return caller.isAdmin() || caller.in(subcommitteeId).map(m -> MANAGERS.contains(m.role())).orElse(false);
    }

    /** Starting, closing and cancelling a session: ADMIN, the subcommittee's HEAD and DEPUTY_HEADs, and the session's chair. */
    public boolean chairs(Caller caller, long subcommitteeId, Long chairMemberId) {
        return caller.isAdmin() || caller.in(subcommitteeId).map(m -> m.role() == MemberRole.HEAD
                || m.role() == MemberRole.DEPUTY_HEAD || Long.valueOf(m.memberId()).equals(chairMemberId)).orElse(false);
    }

    /** The write path's guard for a session's start, close and cancel. */
    public Scope chairInside(long subcommitteeId, Long chairMemberId, String what) {
        if (!chairs(requireVisible(subcommitteeId, what), subcommitteeId, chairMemberId)) {
            throw forbidden("Only the subcommittee's head, its deputy heads and the session's chair may do this.");
        }
        return Scope.inside(subcommitteeId);
    }

    public boolean editsSubmission(Caller caller, long subcommitteeId, long responsibilityMemberId) {
        return manages(caller, subcommitteeId) || caller.in(subcommitteeId)
                .map(m -> m.role() == MemberRole.MEMBER && m.memberId() == responsibilityMemberId).orElse(false);
    }

    public boolean comments(Caller caller, long subcommitteeId) {
        return caller.isAdmin() || caller.in(subcommitteeId).isPresent();
    }

    /**
     * The subcommittees whose contents the caller's lists show: those where they have an active
     * member record, as resolved when they logged in; null for a caller who sees every one.
     */
    public Set<Long> visibleSubcommittees() {
        Caller caller = caller();
        return caller.seesEverything() ? null : caller.memberships().keySet();
    }
}
