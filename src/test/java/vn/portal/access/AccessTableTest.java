package vn.portal.access;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.portal.common.problem.ProblemException;

/**
 * The contract's permission table ("Who may do what" in README.md) asked of Access directly, as
 * the services ask it, for one subcommittee ({@link #SID}) and every kind of caller. The table
 * is written out rather than derived, so that a change to the rules has to change it too.
 */
class AccessTableTest {

    private static final long SID = 7;
    private static final long ELSEWHERE = 9;
    /** The member record of the MEMBER caller: the holder of "own" responsibilities. */
    private static final long MEMBER_ID = 75;
    /** Another MEMBER of the subcommittee, who has no login among the callers. */
    private static final long OTHER_MEMBER_ID = 76;

    enum Who {
        ADMIN(Set.of(GlobalRole.ADMIN), 0, null, 0),
        AUDITOR(Set.of(GlobalRole.AUDITOR), 0, null, 0),
        HEAD(Set.of(), SID, MemberRole.HEAD, 71),
        DEPUTY_HEAD(Set.of(), SID, MemberRole.DEPUTY_HEAD, 72),
        SECRETARY(Set.of(), SID, MemberRole.SECRETARY, 73),
        SUPPORT_STAFF(Set.of(), SID, MemberRole.SUPPORT_STAFF, 74),
        MEMBER(Set.of(), SID, MemberRole.MEMBER, MEMBER_ID),
        /** Global roles and member roles add up. */
        AUDITOR_AND_MEMBER(Set.of(GlobalRole.AUDITOR), SID, MemberRole.MEMBER, 77),
        OUTSIDER(Set.of(), 0, null, 0),
        /** Runs another subcommittee: an outsider here. */
        HEAD_ELSEWHERE(Set.of(), ELSEWHERE, MemberRole.HEAD, 91);

        final Caller caller;
        /** The responsibility holder an "own" check names: the caller's member record here, else the MEMBER's. */
        final long ownMemberId;

        Who(Set<GlobalRole> roles, long subcommitteeId, MemberRole role, long memberId) {
            Map<Long, Caller.Membership> memberships = role == null ? Map.of()
                    : Map.of(subcommitteeId, new Caller.Membership(subcommitteeId, "Tiểu ban " + subcommitteeId, memberId, role));
            this.caller = new Caller(100 + ordinal(), name().toLowerCase(), name(), roles, memberships);
            this.ownMemberId = subcommitteeId == SID ? memberId : MEMBER_ID;
        }
    }

    private final Access access = new Access();

    /** "ok", or the status of the refusal after checking that it carries the code of its status. */
    private String outcome(Who who, Executable check) {
        return access.actAs(who.caller, () -> {
            try {
                check.execute();
                return "ok";
            } catch (ProblemException refused) {
                assertEquals(refused.status() == 404 ? "NOT_FOUND" : "FORBIDDEN", refused.code(), who + ": " + refused);
                assertEquals(List.of(), refused.errors());
                return String.valueOf(refused.status());
            } catch (Throwable unexpected) {
                throw new AssertionError(who + ": " + unexpected, unexpected);
            }
        });
    }

    private String answer(Who who, BooleanSupplier check) {
        return access.actAs(who.caller, () -> check.getAsBoolean() ? "yes" : "no");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
            caller             | visible | manager | editOwn | editOther | worker | commenter | headOrAdmin | admin | seesAll | manages | editsOwn | editsOther | comments
            ADMIN              | ok      | ok      | ok      | ok        | ok     | ok        | ok          | ok    | ok      | yes     | yes      | yes        | yes
            AUDITOR            | ok      | 403     | 403     | 403       | 403    | 403       | 403         | 403   | ok      | no      | no       | no         | no
            HEAD               | ok      | ok      | ok      | ok        | ok     | ok        | ok          | 403   | 403     | yes     | yes      | yes        | yes
            DEPUTY_HEAD        | ok      | ok      | ok      | ok        | ok     | ok        | 403         | 403   | 403     | yes     | yes      | yes        | yes
            SECRETARY          | ok      | ok      | ok      | ok        | ok     | ok        | 403         | 403   | 403     | yes     | yes      | yes        | yes
            SUPPORT_STAFF      | ok      | ok      | ok      | ok        | ok     | ok        | 403         | 403   | 403     | yes     | yes      | yes        | yes
            MEMBER             | ok      | 403     | ok      | 403       | ok     | ok        | 403         | 403   | 403     | no      | yes      | no         | yes
            AUDITOR_AND_MEMBER | ok      | 403     | ok      | 403       | ok     | ok        | 403         | 403   | ok      | no      | yes      | no         | yes
            OUTSIDER           | 404     | 404     | 404     | 404       | 404    | 404       | 403         | 403   | 403     | no      | no       | no         | no
            HEAD_ELSEWHERE     | 404     | 404     | 404     | 404       | 404    | 404       | 403         | 403   | 403     | no      | no       | no         | no
            """)
    void everyCallerGetsWhatTheTableSays(Who who, String visible, String manager, String editOwn, String editOther,
            String worker, String commenter, String headOrAdmin, String admin, String seesAll, String manages,
            String editsOwn, String editsOther, String comments) {
        Caller c = who.caller;
        List<Executable> rows = new ArrayList<>();
        rows.add(expect("requireVisible", visible, outcome(who, () -> access.requireVisible(SID, "member 12"))));
        rows.add(expect("requireManager", manager, outcome(who, () -> access.requireManager(SID, "member 12"))));
        rows.add(expect("requireSubmissionEditor own", editOwn,
                outcome(who, () -> access.requireSubmissionEditor(SID, who.ownMemberId, "submission 3"))));
        rows.add(expect("requireSubmissionEditor other's", editOther,
                outcome(who, () -> access.requireSubmissionEditor(SID, OTHER_MEMBER_ID, "submission 4"))));
        rows.add(expect("requireSubmissionWorker", worker, outcome(who, () -> access.requireSubmissionWorker(SID, "milestone 5"))));
        rows.add(expect("requireCommenter", commenter, outcome(who, () -> access.requireCommenter(SID, "submission 3"))));
        rows.add(expect("requireHeadOrAdmin", headOrAdmin, outcome(who, () -> access.requireHeadOrAdmin(SID))));
        rows.add(expect("requireAdmin", admin, outcome(who, () -> access.requireAdmin("Only ADMIN does this."))));
        rows.add(expect("requireSeesEverything", seesAll, outcome(who, () -> access.requireSeesEverything("Users."))));
        rows.add(expect("manages", manages, answer(who, () -> access.manages(c, SID))));
        rows.add(expect("editsSubmission own", editsOwn, answer(who, () -> access.editsSubmission(c, SID, who.ownMemberId))));
        rows.add(expect("editsSubmission other's", editsOther,
                answer(who, () -> access.editsSubmission(c, SID, OTHER_MEMBER_ID))));
        rows.add(expect("comments", comments, answer(who, () -> access.comments(c, SID))));
        assertAll(who.name(), rows);
    }

    private static Executable expect(String check, String expected, String actual) {
        return () -> assertEquals(expected, actual, check);
    }

    /** A member's own responsibility is theirs in their subcommittee only: the same id elsewhere is someone else. */
    @Test
    void aMemberEditsOnlyUnderTheirOwnResponsibility() {
        Caller member = Who.MEMBER.caller;
        assertEquals(List.of(true, false, false), List.of(access.editsSubmission(member, SID, MEMBER_ID),
                access.editsSubmission(member, SID, OTHER_MEMBER_ID), access.editsSubmission(member, ELSEWHERE, MEMBER_ID)));
    }

    @Test
    void whatCannotBeSeenAnswersAsIfItDidNotExist() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> access.actAs(Who.OUTSIDER.caller, () -> access.requireVisible(SID, "submission 12")));
        assertEquals(404, problem.status());
        assertEquals("NOT_FOUND", problem.code());
        assertEquals("There is no submission 12.", problem.getMessage());
    }

    @Test
    void aRefusalCarriesTheDetailTheServiceGave() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> access.actAs(Who.AUDITOR.caller, () -> {
                    access.requireAdmin("Only ADMIN creates a subcommittee.");
                    return null;
                }));
        assertEquals(403, problem.status());
        assertEquals("FORBIDDEN", problem.code());
        assertEquals("Only ADMIN creates a subcommittee.", problem.getMessage());
    }

    @Test
    void actingAsSomeoneEndsWithTheWorkAndRestoresWhoActedBefore() {
        Caller admin = Who.ADMIN.caller;
        Caller outsider = Who.OUTSIDER.caller;
        access.actAs(admin, () -> {
            assertSame(outsider, access.actAs(outsider, access::caller));
            assertThrows(ProblemException.class, () -> access.actAs(outsider, () -> access.requireVisible(SID, "member 1")));
            assertSame(admin, access.caller());
            return null;
        });
    }
}
