package vn.portal.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.portal.access.Access;
import vn.portal.access.Caller;
import vn.portal.common.concurrency.ETags;
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
import vn.portal.member.Member;
import vn.portal.session.SessionRequest.AttendanceRequest;
import vn.portal.session.SessionRequest.CancelRequest;
import vn.portal.subcommittee.Subcommittee;
import vn.portal.subcommittee.SubcommitteeService;

@ApplicationScoped
public class SessionService {

    public static final String ENTITY = "session";

    public static final SortFields SORT = SortFields.defaultingTo("e.startsAt asc")
            .field("startsAt", "e.startsAt")
            .field("number", "e.number");

    @Inject
    SessionRepository repository;

    @Inject
    SessionNumbers numbers;

    @Inject
    SubcommitteeService subcommittees;

    @Inject
    SessionClosing closing;

    @Inject
    Access access;

    @Inject
    Writes writes;

    @Inject
    ETags etags;

    @Inject
    PortalClock clock;

    private final Kind<Session, SessionView> kind = Kind.of(ENTITY, Session.class, this::view);

    @Transactional
    public PageView<SessionView> list(long subcommitteeId, SessionFilter filter, PageRequest page) {
        boolean archived = subcommittees.require(subcommitteeId).isArchived();
        Caller caller = access.caller();
        return Finder.of(Session.class)
                .where("e.subcommitteeId = :sid", "sid", subcommitteeId)
                .where("e.status = :status", "status", filter.status())
                .where("e.startsAt >= :from", "from", filter.from())
                .where("e.startsAt <= :to", "to", filter.to())
                .search("e.searchText", filter.q())
                .page(repository.getEntityManager(), page,
                        list -> list.stream().map(s -> SessionView.of(s, allowedActions(s, caller, archived))).toList());
    }

    @Transactional
    public SessionView get(long id) {
        return view(requireVisible(id));
    }

    @Transactional
    public SessionView create(long subcommitteeId, SessionRequest request) {
        return writes.create(kind,
                () -> access.managerInside(subcommitteeId, SubcommitteeService.ENTITY + " " + subcommitteeId), changes -> {
                    Session session = new Session();
                    session.subcommitteeId = subcommitteeId;
                    apply(session, request.asPatch(), changes);
                    if (request.chairMemberId() == null) {
                        session.chairMemberId = repository.activeHead(subcommitteeId);
                    }
                    session.number = numbers.next(subcommitteeId);
                    for (long memberId : repository.activeMembers(subcommitteeId)) {
                        session.attendees.add(new Attendee(memberId));
                    }
                    return session;
                });
    }

    @Transactional
    public SessionView update(long id, SessionPatch patch, String ifMatch) {
        return writes.update(kind, id, ifMatch, () -> managerInside(id), (session, before, changes) -> {
            requireOpen(session);
            apply(session, patch, changes);
        });
    }

    @Transactional
    public SessionView start(long id, String ifMatch) {
        return move(id, ifMatch, "start", "started", SessionStatus.PLANNED, SessionStatus.IN_PROGRESS, s -> {
        });
    }

    /** Closes a session and applies its conclusions, all or none, in this transaction. */
    @Transactional
    public SessionView close(long id, String ifMatch) {
        return move(id, ifMatch, "close", "closed", SessionStatus.IN_PROGRESS, SessionStatus.CLOSED, s -> {
            if (s.minutes == null || s.minutes.isBlank()) {
                throw ErrorCode.MINUTES_REQUIRED.problem("A session is closed only once its minutes are written.");
            }
            closing.applyConclusions(s);
            s.closedAt = clock.now();
        });
    }

    @Transactional
    public SessionView cancel(long id, CancelRequest request, String ifMatch) {
        return move(id, ifMatch, "cancel", "cancelled", SessionStatus.PLANNED, SessionStatus.CANCELLED,
                s -> s.cancelReason = request.reason());
    }

    @Transactional
    public AttendanceView attendance(long id) {
        Session session = requireVisible(id);
        Map<Long, Member> members = repository.members(session.attendees.stream().map(a -> a.memberId).toList());
        SessionView.Counts counts = SessionView.Counts.of(session.attendees);
        return new AttendanceView(session.attendees.stream().sorted(Comparator.comparingLong(a -> a.memberId))
                .map(a -> attendee(session, a, members.get(a.memberId))).toList(), counts, counts.quorum());
    }

    /** Records how one invited member attended; If-Match takes that member's attendance ETag. */
    @Transactional
    public AttendeeView attend(long id, long memberId, AttendanceRequest request, String ifMatch) {
        Kind<Session, SessionView> attendance = Kind.of(ENTITY, Session.class, this::view)
                .taggedBy(view -> etags.of(attendee(repository.require(view.id()), memberId)));
        writes.update(attendance, id, ifMatch, () -> managerInside(id), (session, before, changes) -> {
            requireOpen(session);
            List<Attendee> attendees = session.attendees;
            int at = attendees.indexOf(requireInvited(session, memberId));
            Attendee was = attendees.get(at);
            Attendee now = new Attendee(memberId);
            now.status = request.status();
            now.note = request.note();
            String field = "attendance[" + memberId + "]";
            changes.set(field + ".status", was.status, now.status, v -> attendees.set(at, now));
            changes.set(field + ".note", was.note, now.note, v -> attendees.set(at, now));
        });
        return attendee(repository.require(id), memberId);
    }

    /** The conclusions notice of a session, as a Word document. */
    @Transactional
    public byte[] notice(long id) {
        Session session = requireVisible(id);
        var em = repository.getEntityManager();
        List<AgendaItem> agenda = em.createQuery("select a from AgendaItem a where a.sessionId = :sid order by a.position",
                AgendaItem.class).setParameter("sid", id).getResultList();
        List<Conclusion> conclusions = em.createQuery("select c from Conclusion c where c.sessionId = :sid order by c.id",
                Conclusion.class).setParameter("sid", id).getResultList();
        List<Long> named = new ArrayList<>(conclusions.stream().map(c -> c.memberId).filter(m -> m != null).toList());
        if (session.chairMemberId != null) {
            named.add(session.chairMemberId);
        }
        Map<Long, Member> members = repository.members(named);
        Map<Long, String> names = new java.util.HashMap<>();
        members.forEach((memberId, member) -> names.put(memberId, member.fullName));
        return Notice.write(new Notice.Content(subcommittees.require(session.subcommitteeId).name, session,
                session.chairMemberId == null ? null : members.get(session.chairMemberId), agenda, conclusions, names));
    }

    SessionView view(Session session) {
        return SessionView.of(session, allowedActions(session, access.caller(), archived(session.subcommitteeId)));
    }

    /** 404 when the session does not exist or the caller cannot see it. */
    Session requireVisible(long id) {
        Session session = repository.require(id);
        access.requireVisible(session.subcommitteeId, kind.what(id));
        return session;
    }

    /** The guard of a change to the session or to what is under it, which its subcommittee's managers make. */
    Scope managerInside(long id) {
        return access.managerInside(repository.header(id).subcommitteeId(), kind.what(id));
    }

    /** Nothing of a closed or cancelled session changes. */
    static void requireOpen(Session session) {
        if (session.status.isReadOnly()) {
            throw ErrorCode.SESSION_CLOSED.problem("Session " + session.id + " is " + session.status
                    + ": it and everything under it are read-only.");
        }
    }

    private SessionView move(long id, String ifMatch, String action, String past, SessionStatus from, SessionStatus to,
            Consumer<Session> effect) {
        return writes.act(kind, past, id, ifMatch, () -> {
            SessionRepository.Header header = repository.header(id);
            return access.chairInside(header.subcommitteeId(), header.chairMemberId(), kind.what(id));
        }, (session, current, changes) -> {
            // again under the lock: a change of chair that committed since the guard read it counts
            if (!access.chairs(access.caller(), session.subcommitteeId, session.chairMemberId)) {
                throw ProblemException.forbidden("Only the subcommittee's head, its deputy heads and the session's "
                        + "chair may do this.");
            }
            requireOpen(session);
            if (session.status != from) {
                throw ErrorCode.INVALID_TRANSITION.problem("A session that is " + session.status + " cannot be " + past
                        + ".").with("allowedActions", current.allowedActions());
            }
            effect.accept(session);
            session.status = to;
        });
    }

    private AttendeeView attendee(Session session, long memberId) {
        Attendee attendee = requireInvited(session, memberId);
        return attendee(session, attendee, repository.members(List.of(memberId)).get(memberId));
    }

    private static AttendeeView attendee(Session session, Attendee a, Member member) {
        return new AttendeeView(session.id, a.memberId, member == null ? null : member.fullName,
                member == null ? null : member.role, a.status, a.note);
    }

    private static Attendee requireInvited(Session session, long memberId) {
        return session.attendee(memberId).orElseThrow(() -> ProblemException.notFound(
                "Member " + memberId + " was not invited to session " + session.id + "."));
    }

    private void apply(Session s, SessionPatch patch, Changes changes) {
        patch.chairMemberId().ifPresent(chair -> {
            if (chair != null && !repository.isActiveMember(s.subcommitteeId, chair)) {
                throw ProblemException.invalid("chairMemberId", "must be an active member of this subcommittee");
            }
        });
        changes.take(patch.title(), s.title, v -> s.title = v);
        changes.take(patch.startsAt(), s.startsAt, v -> s.startsAt = v);
        changes.take(patch.endsAt(), s.endsAt, v -> s.endsAt = v);
        changes.take(patch.location(), s.location, v -> s.location = v);
        changes.take(patch.chairMemberId(), s.chairMemberId, v -> s.chairMemberId = v);
        changes.take(patch.minutes(), s.minutes, v -> s.minutes = v);
        if (s.endsAt != null && s.endsAt.isBefore(s.startsAt)) {
            throw ProblemException.invalid("endsAt", "must not be before startsAt");
        }
        s.derive();
    }

    private boolean archived(long subcommitteeId) {
        Subcommittee subcommittee = repository.getEntityManager().find(Subcommittee.class, subcommitteeId);
        return subcommittee != null && subcommittee.isArchived();
    }

    /** Of start, close, cancel and edit, what the caller may do now. */
    private List<String> allowedActions(Session s, Caller caller, boolean archived) {
        List<String> allowed = new ArrayList<>();
        if (archived || s.status.isReadOnly()) {
            return allowed;
        }
        boolean chairs = access.chairs(caller, s.subcommitteeId, s.chairMemberId);
        if (chairs && s.status == SessionStatus.PLANNED) {
            allowed.add("start");
        }
        if (chairs && s.status == SessionStatus.IN_PROGRESS) {
            allowed.add("close");
        }
        if (chairs && s.status == SessionStatus.PLANNED) {
            allowed.add("cancel");
        }
        if (access.manages(caller, s.subcommitteeId)) {
            allowed.add("edit");
        }
        return allowed;
    }
}
