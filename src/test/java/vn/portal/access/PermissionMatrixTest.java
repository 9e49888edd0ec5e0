package vn.portal.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static vn.portal.access.PermissionMatrixTest.Who.ADMIN;
import static vn.portal.access.PermissionMatrixTest.Who.ANONYMOUS;
import static vn.portal.access.PermissionMatrixTest.Who.AUDITOR;
import static vn.portal.access.PermissionMatrixTest.Who.DEPUTY_HEAD;
import static vn.portal.access.PermissionMatrixTest.Who.HEAD;
import static vn.portal.access.PermissionMatrixTest.Who.INACTIVE_MEMBER;
import static vn.portal.access.PermissionMatrixTest.Who.MEMBER_OTHER;
import static vn.portal.access.PermissionMatrixTest.Who.MEMBER_OWN;
import static vn.portal.access.PermissionMatrixTest.Who.OUTSIDER;
import static vn.portal.access.PermissionMatrixTest.Who.SECRETARY;
import static vn.portal.access.PermissionMatrixTest.Who.SUPPORT_STAFF;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.portal.report.ReportResource;
import vn.portal.support.Api;
import vn.portal.support.Feed;
import vn.portal.support.FixedClock;
import vn.portal.support.LoggedInAsAdmin;
import vn.portal.support.Webhooks;

/**
 * The permission table of the contract ("Logins and access"), endpoint by endpoint and caller by
 * caller: a case stands in a subcommittee (a "world") with a member for every role and a login for
 * the caller linked to their member record, sends one request as that caller and checks the status,
 * the problem {@code code} of a refusal, and that a refused write changed nothing while a permitted
 * one took effect (both read back as the admin, before and after the request).
 *
 * <p>Then the object-level rule: the id of an object in a subcommittee the caller cannot see answers
 * exactly as an id that does not exist (same status, same body but for the id itself), in a path, in
 * a body ({@code 400 VALIDATION_FAILED}) and in a list filter (an empty page).
 *
 * <p>Which cases share a world. A permitted write builds a world of its own, with a login for its
 * caller only: it is what changes a world, and its effect is read against one nothing else touched.
 * So does every case of a probe marked {@link Probe#changesWorld} (its {@code given} changes objects
 * the world was built with: a head stepping down, the subcommittee archived) or
 * {@link Probe#needsPristineWorld} (a check counts what the subcommittee holds), and the filter on
 * an audit {@code entityId} (which matches an entity of any type, while ids are counted per table:
 * one of the shared world's many objects may have the foreign submission's number). Every other
 * case, a read or a refusal ({@link Probe#shares}), and every other object-level case, all reads
 * and refusals, runs in one {@link Shared} world with a login for every caller, beside one shared
 * foreign subcommittee. That cannot hide a failure: (1) each refused write is still read back
 * before and after, so a refusal that changed something fails its own case, which then throws the
 * shared world and the foreign subcommittee away, so that nothing it left behind meets a later
 * case; (2) the only things a shared world gains from earlier cases are new objects their
 * {@code given} steps made (submissions with their milestones, comments, attachments,
 * responsibilities, users, other subcommittees), never a change to what the world was built with,
 * and a case works on the world's own objects or on what its own {@code given} just made; (3) the
 * lists a shared case reads are sorted so that the world's own objects head the first page however
 * many others there are, and a check that the others could sway (a count, an untyped id) gets a
 * world of its own instead; (4) a probe that is not a GET must read a state ({@link #probes()}
 * refuses one that does not), so no write passes for a read.
 */
@QuarkusTest
class PermissionMatrixTest {

    private static final String API = "/api/v1";
    private static final String SUBCOMMITTEES = API + "/subcommittees";
    private static final String SUBMISSIONS = API + "/submissions";
    private static final String USERS = API + "/users";
    private static final String WEBHOOKS = Webhooks.PATH;

    /** An id that no object of any kind has. */
    private static final long MADE_UP = 9_000_000_000_017L;

    private static final String CSV = "Khối,Chỉ tiêu,Giá trị\nKinh tế,Tăng trưởng GRDP bình quân,\"7,2%\"\n";

    private static final String TEXT_CSV = "text/csv";

    private static final String NOTICE = vn.portal.session.SessionResource.DOCX;

    /** A CSV export holding the row whose first cell (its id) is {@code id}. */
    private static void csvHasRow(Response response, long id) {
        response.then().contentType(startsWith(TEXT_CSV)).body(containsString("\r\n" + id + ","));
    }

    @BeforeEach
    void standOnTheTwentyFirstOfFebruary2020() {
        FixedClock.install(OffsetDateTime.parse("2020-02-21T09:00:00+07:00").toInstant());
    }

    // ------------------------------------------------------------------------------------------
    // Who calls, and what the contract lets each of them do
    // ------------------------------------------------------------------------------------------

    /** The callers of the matrix, as seen from the world's subcommittee. */
    enum Who {
        /** Global role ADMIN (the test profile's admin). */
        ADMIN,
        /** Global role AUDITOR, no member record. */
        AUDITOR,
        HEAD,
        DEPUTY_HEAD,
        SECRETARY,
        SUPPORT_STAFF,
        /** A MEMBER acting on an object under a responsibility they hold (responsibility A). */
        MEMBER_OWN,
        /** A MEMBER acting on an object under another member's responsibility (responsibility A, held by MEMBER_OWN). */
        MEMBER_OTHER,
        /** An active user with no member record in the subcommittee. */
        OUTSIDER,
        /** A user whose member record in the subcommittee (a SECRETARY's) is {@code active: false}: an outsider. */
        INACTIVE_MEMBER,
        /** No credentials. */
        ANONYMOUS
    }

    /** Those who see the world's subcommittee. */
    private static final Set<Who> SEES = EnumSet.of(ADMIN, AUDITOR, HEAD, DEPUTY_HEAD, SECRETARY, SUPPORT_STAFF,
            MEMBER_OWN, MEMBER_OTHER);

    /** Those who run it: ADMIN and the manager roles. */
    private static final Set<Who> MANAGERS = EnumSet.of(ADMIN, HEAD, DEPUTY_HEAD, SECRETARY, SUPPORT_STAFF);

    /** Everyone with a login who cannot see a subcommittee they have no active member record in. */
    private static final Set<Who> BLIND_TO_OTHERS = EnumSet.of(HEAD, DEPUTY_HEAD, SECRETARY, SUPPORT_STAFF, MEMBER_OWN,
            MEMBER_OTHER, OUTSIDER, INACTIVE_MEMBER);

    enum Outcome {
        ALLOWED(0, null),
        /** A global list: 200 with no row. */
        EMPTY(200, null),
        READ_ONLY(400, "READ_ONLY_FIELD"),
        UNAUTHENTICATED(401, "UNAUTHENTICATED"),
        FORBIDDEN(403, "FORBIDDEN"),
        NOT_FOUND(404, "NOT_FOUND"),
        METHOD_NOT_ALLOWED(405, "METHOD_NOT_ALLOWED"),
        /** Allowed to appoint a head, but the subcommittee has an active one. */
        HEAD_TAKEN(409, "HEAD_ALREADY_ASSIGNED");

        final int status;
        final String code;

        Outcome(int status, String code) {
            this.status = status;
            this.code = code;
        }

        /** A 4xx: the request is turned away, and a write must have changed nothing. */
        boolean refused() {
            return status >= 400;
        }
    }

    /** The rows of the contract's permission table, and the global rules around it. */
    enum Rule {
        /** No login needed: the API index, health and metrics. */
        PUBLIC,
        /** Anyone logged in (/me). */
        LOGGED_IN,
        /** Read anything inside the subcommittee. */
        READ,
        /** A global list: the rows of subcommittees the caller sees; an outsider gets an empty page. */
        GLOBAL_LIST,
        /** Change the subcommittee's fields, members, responsibilities, milestones; return, accept, dispose. */
        MANAGE,
        /** Create, edit, submit, delete a submission, its attachments: managers and the holder. */
        EDIT_SUBMISSION,
        /** Comment: every member of the subcommittee, and ADMIN. */
        COMMENT,
        /** Start, close, cancel a session chaired by the HEAD: ADMIN, the HEAD and the DEPUTY_HEAD. */
        CHAIR,
        /** The same for a session chaired by MEMBER_OWN's member: they may too. */
        CHAIR_MEMBER_OWN,
        /** Make a member DEPUTY_HEAD: ADMIN or the HEAD. */
        APPOINT,
        /** Make a member HEAD: ADMIN or the HEAD (who meets the one-head rule, being the active head). */
        APPOINT_HEAD,
        /** Inside the subcommittee, only ADMIN (archive, un-archive, delete, set a member's userId). */
        ADMIN_INSIDE,
        /** Outside any subcommittee, only ADMIN (create subcommittees, write users; read and write webhooks). */
        ADMIN_GLOBAL,
        /** Read users: ADMIN and AUDITOR. */
        USERS_READ,
        /** Read the audit trail: ADMIN, AUDITOR and those who run a subcommittee. */
        AUDIT,
        /** Read the change feed: anyone logged in, each seeing the events of what they may read. */
        FEED,
        /** A body with a read-only field: refused for everyone, ADMIN included. */
        READ_ONLY,
        /** A method the path does not take, for everyone, ADMIN included (users are never deleted). */
        NO_SUCH_METHOD;

        Outcome of(Who who) {
            if (who == ANONYMOUS) {
                return this == PUBLIC ? Outcome.ALLOWED : Outcome.UNAUTHENTICATED;
            }
            Outcome refused = SEES.contains(who) ? Outcome.FORBIDDEN : Outcome.NOT_FOUND;
            return switch (this) {
                case PUBLIC, LOGGED_IN -> Outcome.ALLOWED;
                case READ -> SEES.contains(who) ? Outcome.ALLOWED : Outcome.NOT_FOUND;
                case GLOBAL_LIST -> SEES.contains(who) ? Outcome.ALLOWED : Outcome.EMPTY;
                case MANAGE -> MANAGERS.contains(who) ? Outcome.ALLOWED : refused;
                case EDIT_SUBMISSION -> MANAGERS.contains(who) || who == MEMBER_OWN ? Outcome.ALLOWED : refused;
                case COMMENT -> SEES.contains(who) && who != AUDITOR ? Outcome.ALLOWED : refused;
                case CHAIR -> who == ADMIN || who == HEAD || who == DEPUTY_HEAD ? Outcome.ALLOWED : refused;
                case CHAIR_MEMBER_OWN -> who == ADMIN || who == HEAD || who == DEPUTY_HEAD || who == MEMBER_OWN
                        ? Outcome.ALLOWED : refused;
                case APPOINT -> who == ADMIN || who == HEAD ? Outcome.ALLOWED : refused;
                case APPOINT_HEAD -> who == ADMIN ? Outcome.ALLOWED : who == HEAD ? Outcome.HEAD_TAKEN : refused;
                case ADMIN_INSIDE -> who == ADMIN ? Outcome.ALLOWED : refused;
                case ADMIN_GLOBAL -> who == ADMIN ? Outcome.ALLOWED : Outcome.FORBIDDEN;
                case USERS_READ -> who == ADMIN || who == AUDITOR ? Outcome.ALLOWED : Outcome.FORBIDDEN;
                case AUDIT -> MANAGERS.contains(who) || who == AUDITOR ? Outcome.ALLOWED : Outcome.FORBIDDEN;
                case FEED -> Outcome.ALLOWED;
                case READ_ONLY -> Outcome.READ_ONLY;
                case NO_SUCH_METHOD -> Outcome.METHOD_NOT_ALLOWED;
            };
        }
    }

    // ------------------------------------------------------------------------------------------
    // The worlds the cases stand in, built as the admin
    // ------------------------------------------------------------------------------------------

    /** A submission and the milestone it is for. */
    record Sub(long id, long milestone) {
    }

    /**
     * A subcommittee with a member for every role; responsibility A held by MEMBER_OWN's member, B by
     * MEMBER_OTHER's; a milestone expecting both. The callers named on construction get a fresh login,
     * linked (as the admin) to their member record: INACTIVE_MEMBER's is an inactive SECRETARY (a role
     * that would run the subcommittee were it active), OUTSIDER and AUDITOR have none. The members of
     * the other roles exist without a login.
     */
    static final class World {

        private static volatile Long adminId;

        final String code = "PM-" + Api.unique();
        final long sid;
        final Map<Who, String> usernames = new EnumMap<>(Who.class);
        final Map<Who, Long> userIds = new EnumMap<>(Who.class);
        final long head;
        final long deputy;
        final long memberA;
        final long memberB;
        final long inactive;
        /** A MEMBER with no login and no responsibility, for member writes. */
        final long spare;
        final long respA;
        final long respB;
        final long milestone;

        World(Set<Who> logins) {
            sid = Api.createSubcommittee(Map.of("code", code));
            usernames.put(ADMIN, LoggedInAsAdmin.ADMIN);
            userIds.put(ADMIN, adminId());
            for (Who who : logins) {
                if (who != ADMIN && who != ANONYMOUS) {
                    String username = "pm" + Api.unique();
                    String[] roles = who == AUDITOR ? new String[] { "AUDITOR" } : new String[0];
                    usernames.put(who, username);
                    userIds.put(who, Api.createUserNamed(username, roles));
                }
            }
            head = member(HEAD, "HEAD", true);
            deputy = member(DEPUTY_HEAD, "DEPUTY_HEAD", true);
            member(SECRETARY, "SECRETARY", true);
            member(SUPPORT_STAFF, "SUPPORT_STAFF", true);
            memberA = member(MEMBER_OWN, "MEMBER", true);
            memberB = member(MEMBER_OTHER, "MEMBER", true);
            inactive = member(INACTIVE_MEMBER, "SECRETARY", false);
            spare = Api.createMember(sid, "MEMBER");
            respA = Api.createResponsibility(sid, memberA, "Kinh tế", "Báo cáo chính trị / Phần I", "LEAD");
            respB = Api.createResponsibility(sid, memberB, "Văn hóa - Xã hội", "Báo cáo chính trị / Phần II", "LEAD");
            milestone = Api.createMilestone(sid, "2020-02-22", Map.of("responsibilityIds", List.of(respA, respB)));
        }

        static long adminId() {
            if (adminId == null) {
                adminId = (long) Api.myUserId();
            }
            return adminId;
        }

        /** The member record of {@code who}'s role, linked to their login when they have one. */
        private long member(Who who, String role, boolean active) {
            Map<String, Object> member = body("role", role, "active", active);
            if (userIds.containsKey(who)) {
                member.put("userId", userIds.get(who));
            }
            return Api.createMember(sid, member);
        }

        /** A request sent as {@code who}. */
        RequestSpecification as(Who who) {
            return switch (who) {
                case ADMIN -> given();
                case ANONYMOUS -> given().auth().none();
                // the password is not ASCII: RestAssured's basic() would send it as '?'s, so the header is built here
                default -> given().auth().none().header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (usernames.get(who) + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)));
            };
        }

        /** A submission under responsibility A, in {@code status}, for a milestone of its own expecting A and B. */
        Sub submissionA(String status) {
            long m = Api.createMilestone(sid, "2020-02-22", Map.of("responsibilityIds", List.of(respA, respB)));
            long id = Api.createSubmission(m, respA);
            Api.moveSubmission(id, status);
            return new Sub(id, m);
        }

        String subcommittee() {
            return SUBCOMMITTEES + "/" + sid;
        }
    }

    /**
     * Another subcommittee, which no caller of the world but ADMIN and AUDITOR sees, with one of
     * each kind of object: a SUBMITTED submission with an attachment and a PENDING comment.
     */
    static final class Foreign {
        final long sid;
        final long member;
        final long responsibility;
        final long milestone;
        final long submission;
        final long attachment;
        final long comment;
        final long session;
        final long agendaItem;
        final long conclusion;

        Foreign() {
            sid = Api.createSubcommittee();
            member = Api.createMember(sid, "MEMBER");
            responsibility = Api.createResponsibility(sid, member, "Kinh tế", "Báo cáo chính trị", "LEAD");
            milestone = Api.createMilestone(sid, "2020-02-22", Map.of("responsibilityIds", List.of(responsibility)));
            submission = Api.createSubmission(milestone, responsibility);
            attachment = attach(submission);
            Api.submit(submission);
            comment = Api.createComment(submission);
            session = Api.createSession(sid, Map.of());
            agendaItem = Api.json().body(Map.of("title", "Khai mạc")).post(API + "/sessions/" + session + "/agenda-items")
                    .then().statusCode(201).extract().jsonPath().getLong("id");
            conclusion = Api.json().body(Map.of("kind", "DECISION", "text", "Thông qua Kế hoạch."))
                    .post(API + "/sessions/" + session + "/conclusions").then().statusCode(201).extract().jsonPath()
                    .getLong("id");
        }

        /** Everything a refused request might have changed, read as the admin, and the world's submission {@code own}. */
        List<Object> state(long own) {
            String sub = SUBCOMMITTEES + "/" + sid;
            return List.of(own == 0 ? "" : etag(submission(own)), etag(sub), etag(API + "/members/" + member),
                    etag(API + "/responsibilities/" + responsibility),
                    etag(API + "/milestones/" + milestone), etag(submission(submission)),
                    etag(API + "/comments/" + comment), total(sub + "/members"), total(sub + "/responsibilities"),
                    total(sub + "/milestones"), total(API + "/milestones/" + milestone + "/submissions"),
                    total(submission(submission) + "/comments"),
                    given().get(attachment(submission, attachment)).statusCode(), etag(session(session)),
                    total(sub + "/sessions"), etag(agendaItem(agendaItem)), etag(conclusion(conclusion)));
        }
    }

    /**
     * The world (with a login for every caller) and the foreign subcommittee that the cases which
     * change nothing share, each built the first time a case asks for it. A case that fails while
     * using them throws them away, so that whatever its failure left behind meets no other case.
     */
    static final class Shared {
        private static World world;
        private static Foreign foreign;

        static World world() {
            if (world == null) {
                world = new World(EnumSet.allOf(Who.class));
            }
            return world;
        }

        static Foreign foreign() {
            if (foreign == null) {
                foreign = new Foreign();
            }
            return foreign;
        }

        /** Runs a case on the shared objects; if it fails, the next case builds new ones. */
        static void run(Runnable test) {
            try {
                test.run();
            } catch (RuntimeException | Error e) {
                world = null;
                foreign = null;
                throw e;
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Small helpers, all as the admin unless given a request
    // ------------------------------------------------------------------------------------------

    private static String submission(long id) {
        return SUBMISSIONS + "/" + id;
    }

    private static String session(long id) {
        return API + "/sessions/" + id;
    }

    /** A PLANNED session of the world's subcommittee, chaired by its HEAD, under a title of its own. */
    private static Target aSession(World w) {
        String title = "Phiên họp " + Api.unique();
        return new Target(Api.createSession(w.sid, Map.of("title", title)), 0, title);
    }

    private static String agendaItem(long id) {
        return API + "/agenda-items/" + id;
    }

    /** The one item of a new session's agenda. */
    private static long anAgendaItem(World w) {
        long session = Api.createSession(w.sid, Map.of());
        return Api.json().body(Map.of("title", "Thông qua Quy chế làm việc")).post(session(session) + "/agenda-items")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static String conclusion(long id) {
        return API + "/conclusions/" + id;
    }

    private static final Map<Long, Long> SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();

    /** One session of the world's subcommittee, the same each time it is asked for. */
    private static long sessionOf(World w) {
        return SESSIONS.computeIfAbsent(w.sid, sid -> Api.createSession(sid, Map.of()));
    }

    /** A DECISION of a new session. */
    private static long aConclusion(World w) {
        long session = Api.createSession(w.sid, Map.of());
        return Api.json().body(Map.of("kind", "DECISION", "text", "Thông qua Quy chế làm việc."))
                .post(session(session) + "/conclusions").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static String attachment(long submissionId, long attachmentId) {
        return submission(submissionId) + "/attachments/" + attachmentId;
    }

    /** The ETag of a resource, or what answered instead. */
    private static String etag(String path) {
        Response response = given().get(path);
        return response.statusCode() == 200 ? response.header("ETag") : "status " + response.statusCode();
    }

    /** The size of a list. */
    private static long total(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath().getLong("totalItems");
    }

    /** How many subcommittees have exactly this code. */
    private static long subcommitteesWithCode(String code) {
        return given().queryParam("q", code).queryParam("size", 100).get(SUBCOMMITTEES).then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.code == '" + code + "' }").size();
    }

    /** How many users have exactly this user name. */
    private static long usersNamed(String username) {
        return given().queryParam("q", username).queryParam("size", 100).get(USERS).then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.username == '" + username + "' }").size();
    }

    private static long attach(long submissionId) {
        return given().multiPart("file", "x.csv", CSV.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post(submission(submissionId) + "/attachments").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Response upload(RequestSpecification request, long submissionId) {
        return request.multiPart("file", "x.csv", CSV.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post(submission(submissionId) + "/attachments");
    }

    private static RequestSpecification json(RequestSpecification request, Map<String, ?> body) {
        return request.contentType(ContentType.JSON).accept(ContentType.JSON).body(body);
    }

    /** A map that may hold nulls and keeps the order of its pairs (for readable request bodies). */
    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> newMember(String role) {
        return body("fullName", "Trần Thị " + Api.unique(), "role", role, "email", "pm" + Api.unique() + "@thanhuy.vn");
    }

    private static Map<String, Object> newResponsibility(long memberId) {
        return body("memberId", memberId, "area", "Quốc phòng - An ninh " + Api.unique(),
                "documentSection", "Báo cáo chính trị / Phần III", "title", "Nhiệm vụ " + Api.unique(), "role", "LEAD");
    }

    private static Map<String, Object> newMilestone() {
        return body("title", "Mốc " + Api.unique(), "dueOn", "2020-03-15");
    }

    /**
     * Before a HEAD is appointed, the active head steps down (as the admin) unless the HEAD is the
     * caller: then only the permission can stop the others, while the HEAD, who may appoint, meets
     * the one-active-head rule.
     */
    private static void standDown(World w, Who who) {
        if (who != HEAD) {
            json(given(), body("active", false)).patch(API + "/members/" + w.head).then().statusCode(200);
        }
    }

    /** A fresh user without roles: its id and user name. */
    private static Target aUser() {
        String username = "pm" + Api.unique();
        return new Target(Api.createUserNamed(username, new String[0]), 0, username);
    }

    /** A webhook (t.id) of the case's own, turned off after one delivery pass, and its delivery (t.other) with one attempt. */
    private static Target aWebhook() {
        Webhooks.Delivered hook = Webhooks.delivered();
        return new Target(hook.webhook(), hook.delivery());
    }

    private static String webhook(Target t) {
        return WEBHOOKS + "/" + t.id();
    }

    private static String delivery(Target t) {
        return webhook(t) + "/deliveries/" + t.other();
    }

    /** How many webhooks have exactly this URL (the newest hundred: the one a case registers is the newest). */
    private static long webhooksAt(String url) {
        return given().queryParam("sort", "-id").queryParam("size", 100).get(WEBHOOKS).then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.url == '" + url + "' }").size();
    }

    private static Matcher<Iterable<? super Integer>> hasId(long id) {
        return hasItem(Math.toIntExact(id));
    }

    // ------------------------------------------------------------------------------------------
    // Probes: one endpoint (and the data it needs) whose outcome the rule decides per caller
    // ------------------------------------------------------------------------------------------

    /** What a probe works on: an id, and a second id or a text where it needs one. */
    record Target(long id, long other, String text) {
        Target(long id) {
            this(id, 0, null);
        }

        Target(long id, long other) {
            this(id, other, null);
        }
    }

    interface Sender {
        Response send(RequestSpecification request, World w, Target t);
    }

    interface Check {
        void check(Response response, World w, Target t, Who who);
    }

    static final class Probe {
        final String name;
        final Rule rule;
        final int okStatus;
        BiFunction<World, Who, Target> given = (w, who) -> new Target(w.sid);
        Sender send;
        /** What a write changes, read as the admin; null for reads. */
        BiFunction<World, Target, Object> state;
        Check allowed = (r, w, t, who) -> {
        };
        Check empty = (r, w, t, who) -> {
        };
        String readOnlyField;
        /**
         * Why every case of this probe builds a world of its own, even its reads and refusals; null when
         * those may run in the {@linkplain Shared shared world}.
         */
        String ownWorld;

        Probe(String name, Rule rule, int okStatus) {
            this.name = name;
            this.rule = rule;
            this.okStatus = okStatus;
        }

        Probe given(BiFunction<World, Who, Target> given) {
            this.given = given;
            return this;
        }

        Probe given(Function<World, Target> given) {
            this.given = (w, who) -> given.apply(w);
            return this;
        }

        Probe send(Sender send) {
            this.send = send;
            return this;
        }

        Probe state(BiFunction<World, Target, Object> state) {
            this.state = state;
            return this;
        }

        Probe allowed(Check allowed) {
            this.allowed = allowed;
            return this;
        }

        Probe empty(Check empty) {
            this.empty = empty;
            return this;
        }

        Probe readOnly(String field) {
            this.readOnlyField = field;
            return this;
        }

        /** Its {@code given} changes objects the world was built with: no other case may see them so. */
        Probe changesWorld(String why) {
            this.ownWorld = "its given changes the world: " + why;
            return this;
        }

        /** A check counts what the world holds, which the other cases sharing a world would add to. */
        Probe needsPristineWorld(String why) {
            this.ownWorld = "it counts what the world holds: " + why;
            return this;
        }

        /**
         * Whether the case as {@code who} may run in the shared world: only if the probe is not marked,
         * and the case is a read or a refusal. Anything else (an allowed write, an outcome that is
         * neither) builds its own world.
         */
        boolean shares(Who who) {
            return ownWorld == null && (state == null || rule.of(who).refused());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Probe probe(String name, Rule rule, int okStatus) {
        return new Probe(name, rule, okStatus);
    }

    private static final List<String> SUBMITTED_MANAGER_ACTIONS = List.of("return", "accept", "comment");
    private static final List<String> DRAFT_EDITOR_ACTIONS = List.of("submit", "edit", "delete");

    private static List<String> expectedActionsOnSubmitted(Who who) {
        if (MANAGERS.contains(who)) {
            return SUBMITTED_MANAGER_ACTIONS;
        }
        return who == MEMBER_OWN || who == MEMBER_OTHER ? List.of("comment") : List.of();
    }

    private static List<String> expectedActionsOnPlanned(Who who) {
        List<String> actions = new ArrayList<>();
        if (who == ADMIN || who == HEAD || who == DEPUTY_HEAD) {
            actions.addAll(List.of("start", "cancel"));
        }
        if (MANAGERS.contains(who)) {
            actions.add("edit");
        }
        return actions;
    }

    private static List<String> expectedActionsOnDraft(Who who) {
        return MANAGERS.contains(who) || who == MEMBER_OWN ? DRAFT_EDITOR_ACTIONS : List.of();
    }

    private static String memberRoleOf(Who who) {
        return switch (who) {
            case HEAD, DEPUTY_HEAD, SECRETARY, SUPPORT_STAFF -> who.name();
            case MEMBER_OWN, MEMBER_OTHER -> "MEMBER";
            default -> null;
        };
    }

    static List<Probe> probes() {
        List<Probe> p = new ArrayList<>();

        // --- index and the caller ---
        p.add(probe("GET /api/v1", Rule.PUBLIC, 200)
                .send((req, w, t) -> req.get(API))
                .allowed((r, w, t, who) -> r.then().body("links.subcommittees", equalTo(SUBCOMMITTEES))));
        p.add(probe("GET /q/health/live", Rule.PUBLIC, 200)
                .send((req, w, t) -> req.get("/q/health/live")));
        p.add(probe("GET /q/health/ready", Rule.PUBLIC, 200)
                .send((req, w, t) -> req.get("/q/health/ready")));
        p.add(probe("GET /q/metrics", Rule.PUBLIC, 200)
                .send((req, w, t) -> req.accept("text/plain").get("/q/metrics")));
        p.add(probe("GET /me", Rule.LOGGED_IN, 200)
                .send((req, w, t) -> req.get(API + "/me"))
                .allowed((r, w, t, who) -> {
                    r.then().body("username", equalTo(w.usernames.get(who)))
                            .body("id", equalTo(Math.toIntExact(w.userIds.get(who))));
                    List<String> roles = r.jsonPath().getList("memberships.findAll { it.subcommitteeId == " + w.sid
                            + " }.role");
                    String role = memberRoleOf(who);
                    assertEquals(role == null ? List.of() : List.of(role), roles, "memberships in the world's subcommittee");
                }));

        // --- subcommittees ---
        p.add(probe("GET /subcommittees", Rule.GLOBAL_LIST, 200)
                .send((req, w, t) -> req.queryParam("q", w.code).get(SUBCOMMITTEES))
                .allowed((r, w, t, who) -> r.then().body("items.id", hasId(w.sid)))
                .empty((r, w, t, who) -> w.as(who).get(SUBCOMMITTEES).then().statusCode(200)
                        .body("totalItems", equalTo(0)).body("items", empty())));
        p.add(probe("POST /subcommittees", Rule.ADMIN_GLOBAL, 201)
                .given(w -> new Target(0, 0, "PM-" + Api.unique()))
                .send((req, w, t) -> json(req, body("code", t.text(), "name", "Tiểu ban Tuyên truyền " + t.text(),
                        "kind", "PROPAGANDA", "congress", "Đại hội đại biểu Đảng bộ Thành phố lần thứ XXV",
                        "termStart", 2020, "termEnd", 2025)).post(SUBCOMMITTEES))
                .state((w, t) -> subcommitteesWithCode(t.text())));
        p.add(probe("GET /subcommittees/{id}", Rule.READ, 200)
                .send((req, w, t) -> req.get(w.subcommittee()))
                .allowed((r, w, t, who) -> r.then().body("headMemberId", equalTo(Math.toIntExact(w.head)))));
        p.add(probe("PATCH /subcommittees/{id} name", Rule.MANAGE, 200)
                .send((req, w, t) -> json(req, body("name", "Tiểu ban Văn kiện (sửa) " + Api.unique()))
                        .patch(w.subcommittee()))
                .state((w, t) -> etag(w.subcommittee())));
        p.add(probe("PATCH /subcommittees/{id} status ARCHIVED", Rule.ADMIN_INSIDE, 200)
                .send((req, w, t) -> json(req, body("status", "ARCHIVED")).patch(w.subcommittee()))
                .state((w, t) -> etag(w.subcommittee())));
        p.add(probe("PATCH /subcommittees/{id} status ACTIVE (un-archive)", Rule.ADMIN_INSIDE, 200)
                .changesWorld("it archives the world's subcommittee, where every other write is then refused")
                .given(w -> {
                    Api.archiveSubcommittee(w.sid);
                    return new Target(w.sid);
                })
                .send((req, w, t) -> json(req, body("status", "ACTIVE")).patch(w.subcommittee()))
                .state((w, t) -> etag(w.subcommittee())));
        // an empty subcommittee for those who see every one (so ADMIN's delete can succeed); the world's for the rest
        p.add(probe("DELETE /subcommittees/{id}", Rule.ADMIN_INSIDE, 204)
                .given((w, who) -> new Target(who == ADMIN || who == AUDITOR ? Api.createSubcommittee() : w.sid))
                .send((req, w, t) -> req.delete(SUBCOMMITTEES + "/" + t.id()))
                .state((w, t) -> etag(SUBCOMMITTEES + "/" + t.id())));

        // --- members ---
        // members and responsibilities are listed by id: those the world was built with come first in any world
        p.add(probe("GET /subcommittees/{sid}/members", Rule.READ, 200)
                .send((req, w, t) -> req.get(w.subcommittee() + "/members"))
                .allowed((r, w, t, who) -> r.then().body("items.id",
                        hasItems(Math.toIntExact(w.head), Math.toIntExact(w.memberA), Math.toIntExact(w.inactive)))));
        p.add(probe("POST /subcommittees/{sid}/members role MEMBER", Rule.MANAGE, 201)
                .send((req, w, t) -> json(req, newMember("MEMBER")).post(w.subcommittee() + "/members"))
                .state((w, t) -> total(w.subcommittee() + "/members")));
        p.add(probe("POST /subcommittees/{sid}/members role DEPUTY_HEAD", Rule.APPOINT, 201)
                .send((req, w, t) -> json(req, newMember("DEPUTY_HEAD")).post(w.subcommittee() + "/members"))
                .state((w, t) -> total(w.subcommittee() + "/members")));
        p.add(probe("POST /subcommittees/{sid}/members role HEAD", Rule.APPOINT_HEAD, 201)
                .changesWorld("standDown makes the world's HEAD inactive")
                .given((w, who) -> {
                    standDown(w, who);
                    return new Target(w.sid);
                })
                .send((req, w, t) -> json(req, newMember("HEAD")).post(w.subcommittee() + "/members"))
                .state((w, t) -> total(w.subcommittee() + "/members")));
        p.add(probe("POST /subcommittees/{sid}/members with userId", Rule.ADMIN_INSIDE, 201)
                .given(w -> new Target(Api.createUser()))
                .send((req, w, t) -> {
                    Map<String, Object> member = newMember("MEMBER");
                    member.put("userId", t.id());
                    return json(req, member).post(w.subcommittee() + "/members");
                })
                .state((w, t) -> total(w.subcommittee() + "/members")));
        p.add(probe("GET /members/{id}", Rule.READ, 200)
                .send((req, w, t) -> req.get(API + "/members/" + w.memberA)));
        p.add(probe("PATCH /members/{id} position", Rule.MANAGE, 200)
                .send((req, w, t) -> json(req, body("position", "Chuyên viên " + Api.unique()))
                        .patch(API + "/members/" + w.spare))
                .state((w, t) -> etag(API + "/members/" + w.spare)));
        // every manager may correct a head's or deputy head's other fields; only appointing is reserved
        p.add(probe("PATCH /members/{id} phone of the DEPUTY_HEAD", Rule.MANAGE, 200)
                .send((req, w, t) -> json(req, body("phone", "0912 345 678")).patch(API + "/members/" + w.deputy))
                .state((w, t) -> etag(API + "/members/" + w.deputy)));
        p.add(probe("PATCH /members/{id} role DEPUTY_HEAD", Rule.APPOINT, 200)
                .send((req, w, t) -> json(req, body("role", "DEPUTY_HEAD")).patch(API + "/members/" + w.spare))
                .state((w, t) -> etag(API + "/members/" + w.spare)));
        p.add(probe("PATCH /members/{id} role HEAD", Rule.APPOINT_HEAD, 200)
                .changesWorld("standDown makes the world's HEAD inactive")
                .given((w, who) -> {
                    standDown(w, who);
                    return new Target(w.spare);
                })
                .send((req, w, t) -> json(req, body("role", "HEAD")).patch(API + "/members/" + w.spare))
                .state((w, t) -> etag(API + "/members/" + w.spare)));
        p.add(probe("PATCH /members/{id} userId", Rule.ADMIN_INSIDE, 200)
                .given(w -> new Target(Api.createUser()))
                .send((req, w, t) -> json(req, body("userId", t.id())).patch(API + "/members/" + w.spare))
                .state((w, t) -> etag(API + "/members/" + w.spare)));
        p.add(probe("DELETE /members/{id}", Rule.MANAGE, 204)
                .send((req, w, t) -> req.delete(API + "/members/" + w.spare))
                .state((w, t) -> etag(API + "/members/" + w.spare)));

        // --- responsibilities ---
        p.add(probe("GET /subcommittees/{sid}/responsibilities", Rule.READ, 200)
                .send((req, w, t) -> req.get(w.subcommittee() + "/responsibilities"))
                .allowed((r, w, t, who) -> r.then().body("items.id",
                        hasItems(Math.toIntExact(w.respA), Math.toIntExact(w.respB)))));
        p.add(probe("POST /subcommittees/{sid}/responsibilities", Rule.MANAGE, 201)
                .send((req, w, t) -> json(req, newResponsibility(w.memberA)).post(w.subcommittee() + "/responsibilities"))
                .state((w, t) -> total(w.subcommittee() + "/responsibilities")));
        p.add(probe("GET /subcommittees/{sid}/responsibility-matrix", Rule.READ, 200)
                .send((req, w, t) -> req.get(w.subcommittee() + "/responsibility-matrix"))
                .allowed((r, w, t, who) -> r.then().body("rows.lead.responsibilityId",
                        hasItems(Math.toIntExact(w.respA), Math.toIntExact(w.respB)))));
        p.add(probe("GET /responsibilities/{id}", Rule.READ, 200)
                .send((req, w, t) -> req.get(API + "/responsibilities/" + w.respA)));
        p.add(probe("PATCH /responsibilities/{id} (the caller's own, for MEMBER_OWN)", Rule.MANAGE, 200)
                .send((req, w, t) -> json(req, body("title", "Nhiệm vụ (sửa) " + Api.unique()))
                        .patch(API + "/responsibilities/" + w.respA))
                .state((w, t) -> etag(API + "/responsibilities/" + w.respA)));
        p.add(probe("DELETE /responsibilities/{id} (the caller's own, for MEMBER_OWN)", Rule.MANAGE, 204)
                .given(w -> new Target(Api.createResponsibility(w.sid, w.memberA, "Xây dựng Đảng " + Api.unique(),
                        "Báo cáo kiểm điểm", "SUPPORT")))
                .send((req, w, t) -> req.delete(API + "/responsibilities/" + t.id()))
                .state((w, t) -> etag(API + "/responsibilities/" + t.id())));

        // --- milestones ---
        // the list is by dueOn, then id: the world's milestone, due on the earliest day any case uses and made
        // before every other of the subcommittee's, heads the first page however many the shared world holds
        p.add(probe("GET /subcommittees/{sid}/milestones", Rule.READ, 200)
                .send((req, w, t) -> req.get(w.subcommittee() + "/milestones"))
                .allowed((r, w, t, who) -> r.then().body("items.id", hasId(w.milestone))));
        p.add(probe("POST /subcommittees/{sid}/milestones", Rule.MANAGE, 201)
                .send((req, w, t) -> json(req, newMilestone()).post(w.subcommittee() + "/milestones"))
                .state((w, t) -> total(w.subcommittee() + "/milestones")));
        p.add(probe("GET /milestones/{id}", Rule.READ, 200)
                .send((req, w, t) -> req.get(API + "/milestones/" + w.milestone)));
        p.add(probe("PATCH /milestones/{id}", Rule.MANAGE, 200)
                .send((req, w, t) -> json(req, body("title", "Mốc (sửa) " + Api.unique()))
                        .patch(API + "/milestones/" + w.milestone))
                .state((w, t) -> etag(API + "/milestones/" + w.milestone)));
        p.add(probe("DELETE /milestones/{id}", Rule.MANAGE, 204)
                .given(w -> new Target(Api.createMilestone(w.sid, "2020-03-01",
                        Map.of("responsibilityIds", List.of(w.respA)))))
                .send((req, w, t) -> req.delete(API + "/milestones/" + t.id()))
                .state((w, t) -> etag(API + "/milestones/" + t.id())));

        // --- sessions ---
        p.add(probe("GET /subcommittees/{sid}/sessions", Rule.READ, 200)
                .given(PermissionMatrixTest::aSession)
                .send((req, w, t) -> req.queryParam("q", t.text()).get(w.subcommittee() + "/sessions"))
                .allowed((r, w, t, who) -> r.then().body("items.id", equalTo(List.of(Math.toIntExact(t.id()))))));
        p.add(probe("GET /subcommittees/{sid}/sessions as CSV", Rule.READ, 200)
                .given(PermissionMatrixTest::aSession)
                .send((req, w, t) -> req.accept(TEXT_CSV).queryParam("q", t.text()).get(w.subcommittee() + "/sessions"))
                .allowed((r, w, t, who) -> csvHasRow(r, t.id())));
        p.add(probe("POST /subcommittees/{sid}/sessions", Rule.MANAGE, 201)
                .send((req, w, t) -> json(req, body("title", "Phiên họp " + Api.unique(),
                        "startsAt", "2020-02-20T08:00:00+07:00")).post(w.subcommittee() + "/sessions"))
                .state((w, t) -> total(w.subcommittee() + "/sessions")));
        p.add(probe("GET /sessions/{id}", Rule.READ, 200)
                .given(PermissionMatrixTest::aSession)
                .send((req, w, t) -> req.get(session(t.id())))
                .allowed((r, w, t, who) -> r.then().body("allowedActions", equalTo(expectedActionsOnPlanned(who)))));
        p.add(probe("PATCH /sessions/{id}", Rule.MANAGE, 200)
                .given(PermissionMatrixTest::aSession)
                .send((req, w, t) -> json(req, body("location", "Phòng họp " + Api.unique())).patch(session(t.id())))
                .state((w, t) -> etag(session(t.id()))));
        p.add(probe("POST /sessions/{id}/start", Rule.CHAIR, 200)
                .given(PermissionMatrixTest::aSession)
                .send((req, w, t) -> req.noContentType().post(session(t.id()) + "/start"))
                .state((w, t) -> etag(session(t.id()))));
        p.add(probe("POST /sessions/{id}/start chaired by MEMBER_OWN", Rule.CHAIR_MEMBER_OWN, 200)
                .given(w -> new Target(Api.createSession(w.sid, Map.of("chairMemberId", w.memberA))))
                .send((req, w, t) -> req.noContentType().post(session(t.id()) + "/start"))
                .state((w, t) -> etag(session(t.id()))));
        p.add(probe("POST /sessions/{id}/close", Rule.CHAIR, 200)
                .given(w -> new Target(Api.sessionInProgress(w.sid)))
                .send((req, w, t) -> req.noContentType().post(session(t.id()) + "/close"))
                .state((w, t) -> etag(session(t.id()))));
        p.add(probe("POST /sessions/{id}/cancel", Rule.CHAIR, 200)
                .given(PermissionMatrixTest::aSession)
                .send((req, w, t) -> json(req, body("reason", "Hoãn")).post(session(t.id()) + "/cancel"))
                .state((w, t) -> etag(session(t.id()))));
        p.add(probe("GET /sessions/{id}/notice.docx", Rule.READ, 200)
                .given(PermissionMatrixTest::aSession)
                .send((req, w, t) -> req.accept(NOTICE).get(session(t.id()) + "/notice.docx"))
                .allowed((r, w, t, who) -> r.then().contentType(startsWith(NOTICE))));
        p.add(probe("GET /sessions/{id}/attendance", Rule.READ, 200)
                .given(PermissionMatrixTest::aSession)
                .send((req, w, t) -> req.get(session(t.id()) + "/attendance"))
                .allowed((r, w, t, who) -> r.then().body("items.memberId", hasId(w.head))));
        p.add(probe("PUT /sessions/{id}/attendance/{memberId}", Rule.MANAGE, 200)
                .given(PermissionMatrixTest::aSession)
                .send((req, w, t) -> json(req, body("status", "PRESENT")).put(session(t.id()) + "/attendance/" + w.head))
                .state((w, t) -> etag(session(t.id()))));

        p.add(probe("GET /agenda-items/{id}", Rule.READ, 200)
                .given(w -> new Target(anAgendaItem(w)))
                .send((req, w, t) -> req.get(agendaItem(t.id())))
                .allowed((r, w, t, who) -> r.then().body("position", equalTo(1))));
        p.add(probe("GET /sessions/{id}/agenda-items", Rule.READ, 200)
                .given(w -> {
                    long item = anAgendaItem(w);
                    return new Target(item, given().get(agendaItem(item)).then().extract().jsonPath().getLong("sessionId"));
                })
                .send((req, w, t) -> req.get(session(t.other()) + "/agenda-items"))
                .allowed((r, w, t, who) -> r.then().body("items.id", equalTo(List.of(Math.toIntExact(t.id()))))));
        p.add(probe("GET /sessions/{id}/agenda-items as CSV", Rule.READ, 200)
                .given(w -> {
                    long item = anAgendaItem(w);
                    return new Target(item, given().get(agendaItem(item)).then().extract().jsonPath().getLong("sessionId"));
                })
                .send((req, w, t) -> req.accept(TEXT_CSV).get(session(t.other()) + "/agenda-items"))
                .allowed((r, w, t, who) -> csvHasRow(r, t.id())));
        p.add(probe("POST /sessions/{id}/agenda-items", Rule.MANAGE, 201)
                .given(PermissionMatrixTest::aSession)
                .send((req, w, t) -> json(req, body("title", "Thông qua Quy chế làm việc")).post(session(t.id()) + "/agenda-items"))
                .state((w, t) -> total(session(t.id()) + "/agenda-items")));
        p.add(probe("PATCH /agenda-items/{id}", Rule.MANAGE, 200)
                .given(w -> new Target(anAgendaItem(w)))
                .send((req, w, t) -> json(req, body("durationMinutes", 45)).patch(agendaItem(t.id())))
                .state((w, t) -> etag(agendaItem(t.id()))));
        p.add(probe("DELETE /agenda-items/{id}", Rule.MANAGE, 204)
                .given(w -> new Target(anAgendaItem(w)))
                .send((req, w, t) -> req.delete(agendaItem(t.id())))
                .state((w, t) -> etag(agendaItem(t.id()))));

        p.add(probe("GET /sessions/{id}/conclusions", Rule.READ, 200)
                .given(w -> {
                    long c = aConclusion(w);
                    return new Target(c, given().get(conclusion(c)).then().extract().jsonPath().getLong("sessionId"));
                })
                .send((req, w, t) -> req.get(session(t.other()) + "/conclusions"))
                .allowed((r, w, t, who) -> r.then().body("items.id", equalTo(List.of(Math.toIntExact(t.id()))))));
        p.add(probe("GET /sessions/{id}/conclusions as CSV", Rule.READ, 200)
                .given(w -> {
                    long c = aConclusion(w);
                    return new Target(c, given().get(conclusion(c)).then().extract().jsonPath().getLong("sessionId"));
                })
                .send((req, w, t) -> req.accept(TEXT_CSV).get(session(t.other()) + "/conclusions"))
                .allowed((r, w, t, who) -> csvHasRow(r, t.id())));
        p.add(probe("POST /sessions/{id}/conclusions", Rule.MANAGE, 201)
                .given(PermissionMatrixTest::aSession)
                .send((req, w, t) -> json(req, body("kind", "DECISION", "text", "Thông qua Kế hoạch."))
                        .post(session(t.id()) + "/conclusions"))
                .state((w, t) -> total(session(t.id()) + "/conclusions")));
        p.add(probe("GET /conclusions/{id}", Rule.READ, 200)
                .given(w -> new Target(aConclusion(w)))
                .send((req, w, t) -> req.get(conclusion(t.id()))));
        p.add(probe("PATCH /conclusions/{id}", Rule.MANAGE, 200)
                .given(w -> new Target(aConclusion(w)))
                .send((req, w, t) -> json(req, body("text", "Thông qua Kế hoạch " + Api.unique())).patch(conclusion(t.id())))
                .state((w, t) -> etag(conclusion(t.id()))));
        p.add(probe("DELETE /conclusions/{id}", Rule.MANAGE, 204)
                .given(w -> new Target(aConclusion(w)))
                .send((req, w, t) -> req.delete(conclusion(t.id())))
                .state((w, t) -> etag(conclusion(t.id()))));

        // --- submissions ---
        p.add(probe("GET /submissions", Rule.GLOBAL_LIST, 200)
                .needsPristineWorld("the first page (20, oldest first) must hold the submission the given made,"
                        + " which the other cases' submissions in the subcommittee would push off it")
                .given(w -> new Target(w.submissionA("SUBMITTED").id()))
                .send((req, w, t) -> req.queryParam("subcommitteeId", w.sid).get(SUBMISSIONS))
                .allowed((r, w, t, who) -> r.then().body("items.id", hasId(t.id())))
                .empty((r, w, t, who) -> w.as(who).get(SUBMISSIONS).then().statusCode(200)
                        .body("totalItems", equalTo(0)).body("items", empty())));
        p.add(probe("GET /milestones/{mid}/submissions", Rule.READ, 200)
                .given(w -> {
                    Sub s = w.submissionA("DRAFT");
                    return new Target(s.id(), s.milestone());
                })
                .send((req, w, t) -> req.get(API + "/milestones/" + t.other() + "/submissions"))
                .allowed((r, w, t, who) -> r.then().body("items.id", hasId(t.id()))));
        p.add(probe("POST /milestones/{mid}/submissions under responsibility A", Rule.EDIT_SUBMISSION, 201)
                .send((req, w, t) -> json(req, body("responsibilityId", w.respA, "title", "Số liệu " + Api.unique()))
                        .post(API + "/milestones/" + w.milestone + "/submissions"))
                .state((w, t) -> total(API + "/milestones/" + w.milestone + "/submissions"))
                .allowed((r, w, t, who) -> r.then().body("status", equalTo("DRAFT"))));
        p.add(probe("GET /submissions/{id} (SUBMITTED) with allowedActions", Rule.READ, 200)
                .given(w -> new Target(w.submissionA("SUBMITTED").id()))
                .send((req, w, t) -> req.get(submission(t.id())))
                .allowed((r, w, t, who) -> r.then().body("allowedActions",
                        containsInAnyOrder(expectedActionsOnSubmitted(who).toArray()))));
        p.add(probe("GET /submissions/{id} (DRAFT) with allowedActions", Rule.READ, 200)
                .given(w -> new Target(w.submissionA("DRAFT").id()))
                .send((req, w, t) -> req.get(submission(t.id())))
                .allowed((r, w, t, who) -> r.then().body("allowedActions",
                        containsInAnyOrder(expectedActionsOnDraft(who).toArray()))));
        p.add(probe("PATCH /submissions/{id}", Rule.EDIT_SUBMISSION, 200)
                .given(w -> new Target(w.submissionA("DRAFT").id()))
                .send((req, w, t) -> json(req, body("title", "Số liệu (sửa) " + Api.unique(),
                        "content", "Tăng trưởng GRDP bình quân 7,2%/năm.")).patch(submission(t.id())))
                .state((w, t) -> etag(submission(t.id()))));
        // moving A's draft under B's responsibility: MEMBER_OWN may not put it under another's, MEMBER_OTHER may
        // not touch A's draft at all
        p.add(probe("PATCH /submissions/{id} responsibilityId from A to B", Rule.MANAGE, 200)
                .given(w -> new Target(w.submissionA("DRAFT").id()))
                .send((req, w, t) -> json(req, body("responsibilityId", w.respB)).patch(submission(t.id())))
                .state((w, t) -> etag(submission(t.id())))
                .allowed((r, w, t, who) -> r.then().body("responsibilityId", equalTo(Math.toIntExact(w.respB)))));
        p.add(probe("DELETE /submissions/{id}", Rule.EDIT_SUBMISSION, 204)
                .given(w -> new Target(w.submissionA("DRAFT").id()))
                .send((req, w, t) -> req.delete(submission(t.id())))
                .state((w, t) -> etag(submission(t.id()))));
        p.add(probe("POST /submissions/{id}/submit (DRAFT)", Rule.EDIT_SUBMISSION, 200)
                .given(w -> new Target(w.submissionA("DRAFT").id()))
                .send((req, w, t) -> req.noContentType().post(submission(t.id()) + "/submit"))
                .state((w, t) -> etag(submission(t.id())))
                .allowed((r, w, t, who) -> r.then().body("status", equalTo("SUBMITTED"))));
        p.add(probe("POST /submissions/{id}/submit (RETURNED)", Rule.EDIT_SUBMISSION, 200)
                .given(w -> new Target(w.submissionA("RETURNED").id()))
                .send((req, w, t) -> req.noContentType().post(submission(t.id()) + "/submit"))
                .state((w, t) -> etag(submission(t.id())))
                .allowed((r, w, t, who) -> r.then().body("status", equalTo("SUBMITTED")).body("revision", equalTo(2))));
        p.add(probe("POST /submissions/{id}/return", Rule.MANAGE, 200)
                .given(w -> new Target(w.submissionA("SUBMITTED").id()))
                .send((req, w, t) -> json(req, body("reason", "Đề nghị bổ sung số liệu năm 2019."))
                        .post(submission(t.id()) + "/return"))
                .state((w, t) -> etag(submission(t.id())))
                .allowed((r, w, t, who) -> r.then().body("status", equalTo("RETURNED"))));
        p.add(probe("POST /submissions/{id}/accept", Rule.MANAGE, 200)
                .given(w -> new Target(w.submissionA("SUBMITTED").id()))
                .send((req, w, t) -> req.noContentType().post(submission(t.id()) + "/accept"))
                .state((w, t) -> etag(submission(t.id())))
                .allowed((r, w, t, who) -> r.then().body("status", equalTo("ACCEPTED"))));

        // --- attachments ---
        p.add(probe("POST /submissions/{id}/attachments", Rule.EDIT_SUBMISSION, 201)
                .given(w -> new Target(w.submissionA("DRAFT").id()))
                .send((req, w, t) -> upload(req, t.id()))
                .state((w, t) -> etag(submission(t.id())))
                .allowed((r, w, t, who) -> r.then().header("Location",
                        startsWith(submission(t.id()) + "/attachments/")).body("fileName", equalTo("x.csv"))));
        p.add(probe("GET /submissions/{id}/attachments/{aid}", Rule.READ, 200)
                .given(w -> {
                    long id = w.submissionA("DRAFT").id();
                    return new Target(id, attach(id));
                })
                .send((req, w, t) -> req.get(attachment(t.id(), t.other())))
                .allowed((r, w, t, who) -> {
                    r.then().contentType(startsWith("text/csv"));
                    assertEquals(CSV, new String(r.asByteArray(), StandardCharsets.UTF_8));
                }));
        p.add(probe("DELETE /submissions/{id}/attachments/{aid}", Rule.EDIT_SUBMISSION, 204)
                .given(w -> {
                    long id = w.submissionA("DRAFT").id();
                    return new Target(id, attach(id));
                })
                .send((req, w, t) -> req.delete(attachment(t.id(), t.other())))
                .state((w, t) -> List.of(etag(submission(t.id())), given().get(attachment(t.id(), t.other())).statusCode())));

        // --- comments ---
        p.add(probe("POST /submissions/{id}/comments", Rule.COMMENT, 201)
                .given(w -> new Target(w.submissionA("SUBMITTED").id()))
                .send((req, w, t) -> json(req, body("body", "Đề nghị làm rõ nguồn số liệu " + Api.unique(),
                        "section", "Phần I, mục 2")).post(submission(t.id()) + "/comments"))
                .state((w, t) -> total(submission(t.id()) + "/comments"))
                .allowed((r, w, t, who) -> r.then().body("authorUserId", equalTo(Math.toIntExact(w.userIds.get(who))))
                        .body("disposition", equalTo("PENDING"))));
        p.add(probe("GET /submissions/{id}/comments", Rule.READ, 200)
                .given(w -> {
                    long id = w.submissionA("SUBMITTED").id();
                    return new Target(id, Api.createComment(id));
                })
                .send((req, w, t) -> req.get(submission(t.id()) + "/comments"))
                .allowed((r, w, t, who) -> r.then().body("items.id", hasId(t.other()))));
        p.add(probe("GET /comments/{id}", Rule.READ, 200)
                .given(w -> new Target(Api.createComment(w.submissionA("SUBMITTED").id())))
                .send((req, w, t) -> req.get(API + "/comments/" + t.id())));
        p.add(probe("PATCH /comments/{id} disposition", Rule.MANAGE, 200)
                .given(w -> new Target(Api.createComment(w.submissionA("SUBMITTED").id())))
                .send((req, w, t) -> json(req, body("disposition", "INCORPORATED")).patch(API + "/comments/" + t.id()))
                .state((w, t) -> etag(API + "/comments/" + t.id()))
                .allowed((r, w, t, who) -> r.then().body("disposedByUserId",
                        equalTo(Math.toIntExact(w.userIds.get(who))))));

        // --- progress ---
        p.add(probe("GET /subcommittees/{sid}/progress", Rule.READ, 200)
                .needsPristineWorld("exactly one SUBMITTED submission in the subcommittee")
                .given(w -> new Target(w.submissionA("SUBMITTED").id()))
                .send((req, w, t) -> req.get(w.subcommittee() + "/progress"))
                .allowed((r, w, t, who) -> r.then().body("submissions.submitted", equalTo(1))));
        p.add(probe("GET /subcommittees/{sid}/missing-submissions", Rule.READ, 200)
                .given(w -> new Target(w.submissionA("SUBMITTED").milestone()))
                // filtered to the given's own milestone: the shared world's earlier milestones, due on the same
                // day and made before it, would push its pairs off the first page
                .send((req, w, t) -> req.queryParam("milestoneId", t.id()).get(w.subcommittee() + "/missing-submissions"))
                .allowed((r, w, t, who) -> r.then()
                        .body("items.milestoneId", everyItem(equalTo(Math.toIntExact(t.id()))))
                        .body("items.responsibilityId", equalTo(List.of(Math.toIntExact(w.respB))))));

        // --- report and timeline ---
        p.add(probe("GET /subcommittees/{sid}/report.xlsx", Rule.READ, 200)
                .given(w -> new Target(w.submissionA("SUBMITTED").id()))
                .send((req, w, t) -> req.get(w.subcommittee() + "/report.xlsx"))
                .allowed((r, w, t, who) -> {
                    r.then().contentType(ReportResource.XLSX).header("Content-Disposition", startsWith("attachment"));
                    assertEquals("PK", new String(r.asByteArray(), 0, 2, StandardCharsets.US_ASCII), "a zip");
                }));
        p.add(probe("GET /subcommittees/{sid}/timeline.svg", Rule.READ, 200)
                .given(w -> new Target(w.submissionA("SUBMITTED").milestone()))
                .send((req, w, t) -> req.get(w.subcommittee() + "/timeline.svg"))
                .allowed((r, w, t, who) -> r.then().contentType(startsWith(ReportResource.SVG))
                        .body(containsString("id=\"milestone-" + t.id() + "\""))));

        // --- users ---
        p.add(probe("GET /users", Rule.USERS_READ, 200)
                .given(w -> aUser())
                .send((req, w, t) -> req.queryParam("q", t.text()).get(USERS))
                .allowed((r, w, t, who) -> r.then().body("items.id", hasId(t.id()))));
        p.add(probe("GET /users/{id}", Rule.USERS_READ, 200)
                .given(w -> aUser())
                .send((req, w, t) -> req.get(USERS + "/" + t.id()))
                .allowed((r, w, t, who) -> r.then().body("username", equalTo(t.text()))
                        .body("$", not(hasKey("password")))));
        p.add(probe("POST /users", Rule.ADMIN_GLOBAL, 201)
                .given(w -> new Target(0, 0, "pm" + Api.unique()))
                .send((req, w, t) -> json(req, body("username", t.text(), "password", Api.PASSWORD,
                        "roles", List.of("ADMIN"))).post(USERS))
                .state((w, t) -> usersNamed(t.text())));
        p.add(probe("PATCH /users/{id} displayName", Rule.ADMIN_GLOBAL, 200)
                .given(w -> new Target(Api.createUser()))
                .send((req, w, t) -> json(req, body("displayName", "Lê Minh " + Api.unique())).patch(USERS + "/" + t.id()))
                .state((w, t) -> etag(USERS + "/" + t.id())));
        // as ANONYMOUS this is a 401 like everything under /api/v1: the login comes before the 405
        p.add(probe("DELETE /users/{id}", Rule.NO_SUCH_METHOD, 0)
                .given(w -> aUser())
                .send((req, w, t) -> req.delete(USERS + "/" + t.id()))
                .state((w, t) -> etag(USERS + "/" + t.id())));
        // a caller giving themselves ADMIN; the admin (already ADMIN) gives it to a fresh user instead
        p.add(probe("PATCH /users/{self} roles ADMIN", Rule.ADMIN_GLOBAL, 200)
                .given((w, who) -> new Target(who == ADMIN || who == ANONYMOUS ? Api.createUser() : w.userIds.get(who)))
                .send((req, w, t) -> json(req, body("roles", List.of("ADMIN"))).patch(USERS + "/" + t.id()))
                .state((w, t) -> etag(USERS + "/" + t.id())));

        // --- webhooks: only ADMIN, its reads too (AUDITOR is refused), none in a subcommittee ---
        // newest first: the given's webhook heads the first page however many the earlier cases registered
        p.add(probe("GET /webhooks", Rule.ADMIN_GLOBAL, 200)
                .given(w -> aWebhook())
                .send((req, w, t) -> req.queryParam("sort", "-id").get(WEBHOOKS))
                .allowed((r, w, t, who) -> r.then().body("items[0].id", equalTo(Math.toIntExact(t.id())))
                        .body("items[0]", not(hasKey("secret")))));
        p.add(probe("GET /webhooks as CSV", Rule.ADMIN_GLOBAL, 200)
                .given(w -> aWebhook())
                .send((req, w, t) -> req.accept(TEXT_CSV).queryParam("sort", "-id").get(WEBHOOKS))
                .allowed((r, w, t, who) -> csvHasRow(r, t.id())));
        // registered turned off, so that no delivery pass of another test tries it
        p.add(probe("POST /webhooks", Rule.ADMIN_GLOBAL, 201)
                .given(w -> new Target(0, 0, Webhooks.NOWHERE + "pm" + Api.unique()))
                .send((req, w, t) -> json(req, body("url", t.text(), "active", false,
                        "eventTypes", List.of("submission.submitted"))).post(WEBHOOKS))
                .state((w, t) -> webhooksAt(t.text()))
                .allowed((r, w, t, who) -> r.then().body("url", equalTo(t.text())).body("secret", startsWith("whsec_"))));
        p.add(probe("GET /webhooks/{id}", Rule.ADMIN_GLOBAL, 200)
                .given(w -> aWebhook())
                .send((req, w, t) -> req.get(webhook(t)))
                .allowed((r, w, t, who) -> r.then().body("id", equalTo(Math.toIntExact(t.id())))
                        .body("$", not(hasKey("secret")))));
        p.add(probe("PATCH /webhooks/{id} description", Rule.ADMIN_GLOBAL, 200)
                .given(w -> aWebhook())
                .send((req, w, t) -> json(req, body("description", "Văn phòng Thành ủy " + Api.unique())).patch(webhook(t)))
                .state((w, t) -> etag(webhook(t))));
        p.add(probe("DELETE /webhooks/{id}", Rule.ADMIN_GLOBAL, 204)
                .given(w -> aWebhook())
                .send((req, w, t) -> req.delete(webhook(t)))
                .state((w, t) -> List.of(etag(webhook(t)), etag(delivery(t)))));
        p.add(probe("POST /webhooks/{id}/rotate-secret", Rule.ADMIN_GLOBAL, 200)
                .given(w -> aWebhook())
                .send((req, w, t) -> req.contentType(ContentType.JSON).post(webhook(t) + "/rotate-secret"))
                .state((w, t) -> etag(webhook(t)))
                .allowed((r, w, t, who) -> r.then().body("secret", startsWith("whsec_"))
                        .body("previousSecretExpiresAt", startsWith("2020-02-22T"))));
        p.add(probe("GET /webhooks/{id}/deliveries", Rule.ADMIN_GLOBAL, 200)
                .given(w -> aWebhook())
                .send((req, w, t) -> req.get(webhook(t) + "/deliveries"))
                .allowed((r, w, t, who) -> r.then().body("items.id", hasId(t.other()))));
        p.add(probe("GET /webhooks/{id}/deliveries as CSV", Rule.ADMIN_GLOBAL, 200)
                .given(w -> aWebhook())
                .send((req, w, t) -> req.accept(TEXT_CSV).get(webhook(t) + "/deliveries"))
                .allowed((r, w, t, who) -> csvHasRow(r, t.other())));
        p.add(probe("GET /webhooks/{id}/deliveries/{did}", Rule.ADMIN_GLOBAL, 200)
                .given(w -> aWebhook())
                .send((req, w, t) -> req.get(delivery(t)))
                .allowed((r, w, t, who) -> r.then().body("webhookId", equalTo(Math.toIntExact(t.id())))
                        .body("eventType", equalTo("subcommittee.created")).body("attempts", equalTo(1))));
        p.add(probe("GET /webhooks/{id}/deliveries/{did}/attempts", Rule.ADMIN_GLOBAL, 200)
                .given(w -> aWebhook())
                .send((req, w, t) -> req.get(delivery(t) + "/attempts"))
                .allowed((r, w, t, who) -> r.then().body("items.deliveryId", equalTo(List.of(Math.toIntExact(t.other()))))));
        p.add(probe("POST /webhooks/{id}/deliveries/{did}/redeliver", Rule.ADMIN_GLOBAL, 200)
                .given(w -> aWebhook())
                .send((req, w, t) -> req.contentType(ContentType.JSON).post(delivery(t) + "/redeliver"))
                .state((w, t) -> etag(delivery(t)))
                .allowed((r, w, t, who) -> r.then().body("status", equalTo("PENDING")).body("attempts", equalTo(1))));

        // --- audit trail ---
        // t.id is another subcommittee: those who run the world's one must not read its entries
        p.add(probe("GET /audit", Rule.AUDIT, 200)
                .given(w -> new Target(Api.createSubcommittee()))
                .send((req, w, t) -> req.queryParam("subcommitteeId", w.sid).get(API + "/audit"))
                .allowed((r, w, t, who) -> {
                    r.then().body("totalItems", greaterThan(0))
                            .body("items.subcommitteeId", everyItem(equalTo(Math.toIntExact(w.sid))));
                    long others = w.as(who).queryParam("subcommitteeId", t.id()).get(API + "/audit").then()
                            .statusCode(200).extract().jsonPath().getLong("totalItems");
                    if (who == ADMIN || who == AUDITOR) {
                        assertNotEquals(0, others, "ADMIN and AUDITOR read every subcommittee's entries");
                    } else {
                        assertEquals(0, others, "the entries of a subcommittee the caller does not run");
                        w.as(who).queryParam("size", 100).get(API + "/audit").then().statusCode(200)
                                .body("items.subcommitteeId", everyItem(equalTo(Math.toIntExact(w.sid))));
                    }
                }));

        // --- change feed ---
        // after the feed's head: a milestone of the world (t.id), a foreign subcommittee (t.other) and a user
        p.add(probe("GET /events", Rule.FEED, 200)
                .given(w -> {
                    String head = Feed.head();
                    long milestone = Api.createMilestone(w.sid, "2020-03-01", Map.of());
                    long foreign = Api.createSubcommittee();
                    Api.createUser();
                    return new Target(milestone, foreign, head);
                })
                .send((req, w, t) -> req.queryParam("after", t.text()).queryParam("limit", 500).get(Feed.EVENTS))
                .allowed((r, w, t, who) -> {
                    List<String> events = r.jsonPath().getList("items.collect { it.type + ' ' + it.entityId }");
                    if (who == ADMIN || who == AUDITOR) {
                        assertEquals(List.of("milestone.created " + t.id(), "subcommittee.created " + t.other()),
                                events.subList(0, 2), "ADMIN and AUDITOR read every subcommittee's events");
                        assertEquals("user.created", r.jsonPath().getString("items[2].type"), "and the users'");
                    } else if (SEES.contains(who)) {
                        assertEquals(List.of("milestone.created " + t.id()), events, "only their subcommittee's events");
                    } else {
                        assertEquals(List.of(), events, "none of a subcommittee they are not an active member of");
                    }
                }));

        // --- read-only fields: 400 for every caller, ADMIN included, even with the current value ---
        p.add(probe("PATCH /subcommittees/{id} headMemberId (read-only)", Rule.READ_ONLY, 0).readOnly("headMemberId")
                .send((req, w, t) -> json(req, body("headMemberId", w.head)).patch(w.subcommittee()))
                .state((w, t) -> etag(w.subcommittee())));
        p.add(probe("POST /subcommittees/{sid}/members subcommitteeId (read-only)", Rule.READ_ONLY, 0)
                .readOnly("subcommitteeId")
                .send((req, w, t) -> {
                    Map<String, Object> member = newMember("MEMBER");
                    member.put("subcommitteeId", w.sid);
                    return json(req, member).post(w.subcommittee() + "/members");
                })
                .state((w, t) -> total(w.subcommittee() + "/members")));
        p.add(probe("PATCH /members/{id} subcommitteeId (read-only)", Rule.READ_ONLY, 0).readOnly("subcommitteeId")
                .send((req, w, t) -> json(req, body("subcommitteeId", w.sid)).patch(API + "/members/" + w.memberA))
                .state((w, t) -> etag(API + "/members/" + w.memberA)));
        p.add(probe("PATCH /responsibilities/{id} subcommitteeId (read-only)", Rule.READ_ONLY, 0)
                .readOnly("subcommitteeId")
                .send((req, w, t) -> json(req, body("subcommitteeId", w.sid)).patch(API + "/responsibilities/" + w.respA))
                .state((w, t) -> etag(API + "/responsibilities/" + w.respA)));
        p.add(probe("PATCH /sessions/{id} number (read-only)", Rule.READ_ONLY, 0).readOnly("number")
                .given(PermissionMatrixTest::aSession)
                .send((req, w, t) -> json(req, body("number", 1)).patch(session(t.id())))
                .state((w, t) -> etag(session(t.id()))));
        p.add(probe("PATCH /milestones/{id} overdue (read-only)", Rule.READ_ONLY, 0).readOnly("overdue")
                .send((req, w, t) -> json(req, body("overdue", false)).patch(API + "/milestones/" + w.milestone))
                .state((w, t) -> etag(API + "/milestones/" + w.milestone)));
        p.add(probe("POST /milestones/{mid}/submissions status (read-only)", Rule.READ_ONLY, 0).readOnly("status")
                .send((req, w, t) -> json(req, body("responsibilityId", w.respA, "title", "Số liệu " + Api.unique(),
                        "status", "DRAFT")).post(API + "/milestones/" + w.milestone + "/submissions"))
                .state((w, t) -> total(API + "/milestones/" + w.milestone + "/submissions")));
        p.add(probe("PATCH /submissions/{id} status (read-only)", Rule.READ_ONLY, 0).readOnly("status")
                .given(w -> new Target(w.submissionA("DRAFT").id()))
                .send((req, w, t) -> json(req, body("status", "DRAFT")).patch(submission(t.id())))
                .state((w, t) -> etag(submission(t.id()))));
        p.add(probe("PATCH /submissions/{id} milestoneId (read-only)", Rule.READ_ONLY, 0).readOnly("milestoneId")
                .given(w -> {
                    Sub s = w.submissionA("DRAFT");
                    return new Target(s.id(), s.milestone());
                })
                .send((req, w, t) -> json(req, body("milestoneId", t.other())).patch(submission(t.id())))
                .state((w, t) -> etag(submission(t.id()))));
        p.add(probe("POST /submissions/{id}/comments authorUserId (read-only)", Rule.READ_ONLY, 0)
                .readOnly("authorUserId")
                .given(w -> new Target(w.submissionA("SUBMITTED").id()))
                .send((req, w, t) -> json(req, body("body", "Đề nghị bổ sung.", "authorUserId", w.userIds.get(ADMIN)))
                        .post(submission(t.id()) + "/comments"))
                .state((w, t) -> total(submission(t.id()) + "/comments")));
        p.add(probe("PATCH /comments/{id} authorUserId (read-only)", Rule.READ_ONLY, 0).readOnly("authorUserId")
                .given(w -> new Target(Api.createComment(w.submissionA("SUBMITTED").id())))
                .send((req, w, t) -> json(req, body("authorUserId", w.userIds.get(ADMIN))).patch(API + "/comments/" + t.id()))
                .state((w, t) -> etag(API + "/comments/" + t.id())));
        p.add(probe("PATCH /users/{id} username (read-only)", Rule.READ_ONLY, 0).readOnly("username")
                .given(w -> aUser())
                .send((req, w, t) -> json(req, body("username", t.text())).patch(USERS + "/" + t.id()))
                .state((w, t) -> etag(USERS + "/" + t.id())));
        // the secret changes only by a rotation
        p.add(probe("PATCH /webhooks/{id} secret (read-only)", Rule.READ_ONLY, 0).readOnly("secret")
                .given(w -> aWebhook())
                .send((req, w, t) -> json(req, body("secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).patch(webhook(t)))
                .state((w, t) -> etag(webhook(t))));
        // --- CSV exports: the lists' own rules (a refusal is the same problem+json, not a CSV) ---
        p.add(probe("GET /subcommittees/{sid}/milestones as CSV", Rule.READ, 200)
                .send((req, w, t) -> req.accept(TEXT_CSV).get(w.subcommittee() + "/milestones"))
                .allowed((r, w, t, who) -> csvHasRow(r, w.milestone)));
        p.add(probe("GET /subcommittees/{sid}/members as CSV", Rule.READ, 200)
                .send((req, w, t) -> req.accept(TEXT_CSV).get(w.subcommittee() + "/members"))
                .allowed((r, w, t, who) -> csvHasRow(r, w.head)));
        p.add(probe("GET /milestones/{mid}/submissions as CSV", Rule.READ, 200)
                .given(w -> {
                    Sub s = w.submissionA("SUBMITTED");
                    return new Target(s.id(), s.milestone());
                })
                .send((req, w, t) -> req.accept(TEXT_CSV).get(API + "/milestones/" + t.other() + "/submissions"))
                .allowed((r, w, t, who) -> csvHasRow(r, t.id())));
        p.add(probe("GET /users as CSV", Rule.USERS_READ, 200)
                .given(w -> aUser())
                .send((req, w, t) -> req.accept(TEXT_CSV).queryParam("q", t.text()).get(USERS))
                .allowed((r, w, t, who) -> csvHasRow(r, t.id())));
        p.add(probe("GET /audit as CSV", Rule.AUDIT, 200)
                .send((req, w, t) -> req.accept(TEXT_CSV).queryParam("subcommitteeId", w.sid).get(API + "/audit"))
                .allowed((r, w, t, who) -> r.then().contentType(startsWith(TEXT_CSV))
                        .body(containsString(",subcommittee," + w.sid + "," + w.sid + ","))));
        for (Probe probe : p) {
            // a write without a state would pass for a read, and be sent in the shared world unchecked
            if (probe.name.startsWith("GET ") != (probe.state == null)) {
                throw new IllegalStateException(probe + ": a GET reads (no state), anything else writes (a state)");
            }
        }
        return p;
    }

    static Stream<Arguments> matrix() {
        return probes().stream().flatMap(probe -> Arrays.stream(Who.values()).map(who -> Arguments.of(probe, who)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void permissionMatrix(Probe probe, Who who) {
        if (probe.shares(who)) {
            Shared.run(() -> check(probe, who, Shared.world()));
        } else {
            check(probe, who, new World(EnumSet.of(who)));
        }
    }

    private static void check(Probe probe, Who who, World w) {
        Target t = probe.given.apply(w, who);
        Object before = probe.state == null ? null : probe.state.apply(w, t);

        Response response = probe.send.send(w.as(who), w, t);

        Outcome expected = probe.rule.of(who);
        named(probe + " as " + who + ", expecting " + expected, () -> {
            switch (expected) {
                case ALLOWED -> {
                    response.then().statusCode(probe.okStatus);
                    if (probe.okStatus == 201) {
                        response.then().header("Location", startsWith(API + "/"));
                    }
                    if (probe.state != null) {
                        assertNotEquals(before, probe.state.apply(w, t), "a permitted write must take effect");
                    }
                    probe.allowed.check(response, w, t, who);
                }
                case EMPTY -> {
                    response.then().statusCode(200).body("totalItems", equalTo(0)).body("items", empty());
                    probe.empty.check(response, w, t, who);
                }
                default -> {
                    response.then().spec(Api.problem(expected.status, expected.code));
                    switch (expected) {
                        case UNAUTHENTICATED -> response.then().header("WWW-Authenticate", containsString("Basic"));
                        case NOT_FOUND -> response.then().body("detail", startsWith("There is no "));
                        case READ_ONLY -> response.then().body("errors.field", hasItem(probe.readOnlyField));
                        case METHOD_NOT_ALLOWED -> response.then().header("Allow", containsString("PATCH"));
                        default -> {
                        }
                    }
                    if (probe.state != null) {
                        assertEquals(before, probe.state.apply(w, t), "a refused request must change nothing");
                    }
                }
            }
        });
    }

    /** Runs assertions so that a failure names the case (the build report shows only an index). */
    private static void named(String name, Runnable assertions) {
        try {
            assertions.run();
        } catch (AssertionError e) {
            AssertionError named = new AssertionError(name + ": " + e.getMessage(), e);
            named.setStackTrace(e.getStackTrace());
            throw named;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Object level: an invisible id answers exactly like one that does not exist
    // ------------------------------------------------------------------------------------------

    interface IdCall {
        /** Sends the request with {@code id} in the place the probe varies; {@code own} is a DRAFT of the world's. */
        Response send(RequestSpecification request, long id, Foreign f, long own);
    }

    /**
     * One endpoint with an id that names an object of the foreign subcommittee, sent once with that
     * id and once with {@link #MADE_UP} in its place. {@code status} is what both must answer.
     */
    record ObjectProbe(String name, ToLongFunction<Foreign> realId, boolean needsOwnDraft, IdCall call,
            Function<Who, Integer> status) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static ObjectProbe object(String name, ToLongFunction<Foreign> realId, IdCall call) {
        return new ObjectProbe(name, realId, false, call, who -> 404);
    }

    static List<ObjectProbe> objectProbes() {
        List<ObjectProbe> p = new ArrayList<>();
        ToLongFunction<Foreign> sub = f -> f.sid;
        ToLongFunction<Foreign> member = f -> f.member;
        ToLongFunction<Foreign> resp = f -> f.responsibility;
        ToLongFunction<Foreign> milestone = f -> f.milestone;
        ToLongFunction<Foreign> submission = f -> f.submission;
        ToLongFunction<Foreign> comment = f -> f.comment;

        p.add(object("GET /subcommittees/{id}", sub, (req, id, f, own) -> req.get(SUBCOMMITTEES + "/" + id)));
        p.add(object("PATCH /subcommittees/{id}", sub, (req, id, f, own) ->
                json(req, body("name", "Đổi tên " + Api.unique())).patch(SUBCOMMITTEES + "/" + id)));
        p.add(object("PATCH /subcommittees/{id} status", sub, (req, id, f, own) ->
                json(req, body("status", "ARCHIVED")).patch(SUBCOMMITTEES + "/" + id)));
        p.add(object("DELETE /subcommittees/{id}", sub, (req, id, f, own) -> req.delete(SUBCOMMITTEES + "/" + id)));
        p.add(object("GET /subcommittees/{id}/members", sub, (req, id, f, own) ->
                req.get(SUBCOMMITTEES + "/" + id + "/members")));
        p.add(object("POST /subcommittees/{id}/members", sub, (req, id, f, own) ->
                json(req, newMember("MEMBER")).post(SUBCOMMITTEES + "/" + id + "/members")));
        p.add(object("GET /subcommittees/{id}/responsibilities", sub, (req, id, f, own) ->
                req.get(SUBCOMMITTEES + "/" + id + "/responsibilities")));
        p.add(object("POST /subcommittees/{id}/responsibilities", sub, (req, id, f, own) ->
                json(req, newResponsibility(f.member)).post(SUBCOMMITTEES + "/" + id + "/responsibilities")));
        p.add(object("GET /subcommittees/{id}/responsibility-matrix", sub, (req, id, f, own) ->
                req.get(SUBCOMMITTEES + "/" + id + "/responsibility-matrix")));
        p.add(object("GET /subcommittees/{id}/milestones", sub, (req, id, f, own) ->
                req.get(SUBCOMMITTEES + "/" + id + "/milestones")));
        p.add(object("POST /subcommittees/{id}/milestones", sub, (req, id, f, own) ->
                json(req, newMilestone()).post(SUBCOMMITTEES + "/" + id + "/milestones")));
        p.add(object("GET /subcommittees/{id}/progress", sub, (req, id, f, own) ->
                req.get(SUBCOMMITTEES + "/" + id + "/progress")));
        p.add(object("GET /subcommittees/{id}/missing-submissions", sub, (req, id, f, own) ->
                req.get(SUBCOMMITTEES + "/" + id + "/missing-submissions")));
        p.add(object("GET /subcommittees/{id}/report.xlsx", sub, (req, id, f, own) ->
                req.get(SUBCOMMITTEES + "/" + id + "/report.xlsx")));
        p.add(object("GET /subcommittees/{id}/timeline.svg", sub, (req, id, f, own) ->
                req.get(SUBCOMMITTEES + "/" + id + "/timeline.svg")));
        p.add(object("GET /subcommittees/{id}/milestones as CSV", sub, (req, id, f, own) ->
                req.accept(TEXT_CSV).get(SUBCOMMITTEES + "/" + id + "/milestones")));

        p.add(object("GET /members/{id}", member, (req, id, f, own) -> req.get(API + "/members/" + id)));
        p.add(object("PATCH /members/{id}", member, (req, id, f, own) ->
                json(req, body("phone", "0912 345 678")).patch(API + "/members/" + id)));
        p.add(object("DELETE /members/{id}", member, (req, id, f, own) -> req.delete(API + "/members/" + id)));

        p.add(object("GET /responsibilities/{id}", resp, (req, id, f, own) -> req.get(API + "/responsibilities/" + id)));
        p.add(object("PATCH /responsibilities/{id}", resp, (req, id, f, own) ->
                json(req, body("title", "Đổi " + Api.unique())).patch(API + "/responsibilities/" + id)));
        p.add(object("DELETE /responsibilities/{id}", resp, (req, id, f, own) ->
                req.delete(API + "/responsibilities/" + id)));

        p.add(object("GET /milestones/{id}", milestone, (req, id, f, own) -> req.get(API + "/milestones/" + id)));
        p.add(object("PATCH /milestones/{id}", milestone, (req, id, f, own) ->
                json(req, body("title", "Đổi " + Api.unique())).patch(API + "/milestones/" + id)));
        p.add(object("DELETE /milestones/{id}", milestone, (req, id, f, own) -> req.delete(API + "/milestones/" + id)));
        p.add(object("GET /milestones/{id}/submissions", milestone, (req, id, f, own) ->
                req.get(API + "/milestones/" + id + "/submissions")));
        p.add(object("POST /milestones/{id}/submissions", milestone, (req, id, f, own) ->
                json(req, body("responsibilityId", f.responsibility, "title", "Số liệu " + Api.unique()))
                        .post(API + "/milestones/" + id + "/submissions")));

        p.add(object("GET /submissions/{id}", submission, (req, id, f, own) -> req.get(submission(id))));
        p.add(object("PATCH /submissions/{id}", submission, (req, id, f, own) ->
                json(req, body("title", "Đổi " + Api.unique())).patch(submission(id))));
        p.add(object("DELETE /submissions/{id}", submission, (req, id, f, own) -> req.delete(submission(id))));
        p.add(object("POST /submissions/{id}/submit", submission, (req, id, f, own) ->
                req.noContentType().post(submission(id) + "/submit")));
        p.add(object("POST /submissions/{id}/return", submission, (req, id, f, own) ->
                json(req, body("reason", "Bổ sung.")).post(submission(id) + "/return")));
        p.add(object("POST /submissions/{id}/accept", submission, (req, id, f, own) ->
                req.noContentType().post(submission(id) + "/accept")));
        p.add(object("POST /submissions/{id}/attachments", submission, (req, id, f, own) -> upload(req, id)));
        p.add(object("GET /submissions/{id}/attachments/{aid}", submission, (req, id, f, own) ->
                req.get(attachment(id, f.attachment))));
        p.add(object("DELETE /submissions/{id}/attachments/{aid}", submission, (req, id, f, own) ->
                req.delete(attachment(id, f.attachment))));
        p.add(object("GET /submissions/{id}/comments", submission, (req, id, f, own) ->
                req.get(submission(id) + "/comments")));
        p.add(object("GET /submissions/{id}/comments as CSV", submission, (req, id, f, own) ->
                req.accept(TEXT_CSV).get(submission(id) + "/comments")));
        p.add(object("POST /submissions/{id}/comments", submission, (req, id, f, own) ->
                json(req, body("body", "Góp ý " + Api.unique())).post(submission(id) + "/comments")));

        p.add(object("GET /comments/{id}", comment, (req, id, f, own) -> req.get(API + "/comments/" + id)));
        p.add(object("PATCH /comments/{id}", comment, (req, id, f, own) ->
                json(req, body("disposition", "INCORPORATED")).patch(API + "/comments/" + id)));

        ToLongFunction<Foreign> session = f -> f.session;
        p.add(object("GET /subcommittees/{id}/sessions", sub, (req, id, f, own) ->
                req.get(SUBCOMMITTEES + "/" + id + "/sessions")));
        p.add(object("POST /subcommittees/{id}/sessions", sub, (req, id, f, own) ->
                json(req, body("title", "Phiên họp", "startsAt", "2020-02-20T08:00:00+07:00"))
                        .post(SUBCOMMITTEES + "/" + id + "/sessions")));
        p.add(object("GET /sessions/{id}", session, (req, id, f, own) -> req.get(session(id))));
        p.add(object("PATCH /sessions/{id}", session, (req, id, f, own) ->
                json(req, body("title", "Đổi " + Api.unique())).patch(session(id))));
        for (String action : List.of("start", "close")) {
            p.add(object("POST /sessions/{id}/" + action, session, (req, id, f, own) ->
                    req.noContentType().post(session(id) + "/" + action)));
        }
        p.add(object("POST /sessions/{id}/cancel", session, (req, id, f, own) ->
                json(req, body("reason", "Hoãn")).post(session(id) + "/cancel")));
        p.add(object("GET /sessions/{id}/notice.docx", session, (req, id, f, own) ->
                req.accept(NOTICE).get(session(id) + "/notice.docx")));
        p.add(object("GET /sessions/{id}/attendance", session, (req, id, f, own) -> req.get(session(id) + "/attendance")));
        p.add(object("PUT /sessions/{id}/attendance/{memberId}", session, (req, id, f, own) ->
                json(req, body("status", "PRESENT")).put(session(id) + "/attendance/" + f.member)));

        p.add(object("GET /sessions/{id}/agenda-items", session, (req, id, f, own) -> req.get(session(id) + "/agenda-items")));
        p.add(object("POST /sessions/{id}/agenda-items", session, (req, id, f, own) ->
                json(req, body("title", "Bế mạc")).post(session(id) + "/agenda-items")));
        ToLongFunction<Foreign> agendaItem = f -> f.agendaItem;
        p.add(object("GET /agenda-items/{id}", agendaItem, (req, id, f, own) -> req.get(agendaItem(id))));
        p.add(object("PATCH /agenda-items/{id}", agendaItem, (req, id, f, own) ->
                json(req, body("position", 1)).patch(agendaItem(id))));
        p.add(object("DELETE /agenda-items/{id}", agendaItem, (req, id, f, own) -> req.delete(agendaItem(id))));

        p.add(object("GET /sessions/{id}/conclusions", session, (req, id, f, own) -> req.get(session(id) + "/conclusions")));
        p.add(object("POST /sessions/{id}/conclusions", session, (req, id, f, own) ->
                json(req, body("kind", "DECISION", "text", "Quyết định")).post(session(id) + "/conclusions")));
        ToLongFunction<Foreign> conclusion = f -> f.conclusion;
        p.add(object("GET /conclusions/{id}", conclusion, (req, id, f, own) -> req.get(conclusion(id))));
        p.add(object("PATCH /conclusions/{id}", conclusion, (req, id, f, own) ->
                json(req, body("text", "Đổi")).patch(conclusion(id))));
        p.add(object("DELETE /conclusions/{id}", conclusion, (req, id, f, own) -> req.delete(conclusion(id))));

        // a visible submission of the caller's own subcommittee, with another subcommittee's attachment id
        p.add(new ObjectProbe("GET /submissions/{own}/attachments/{foreign aid}", f -> f.attachment, true,
                (req, id, f, own) -> req.get(attachment(own, id)), who -> 404));
        p.add(new ObjectProbe("DELETE /submissions/{own}/attachments/{foreign aid}", f -> f.attachment, true,
                (req, id, f, own) -> req.delete(attachment(own, id)), who -> who == MEMBER_OTHER ? 403 : 404));
        return p;
    }

    static Stream<ObjectProbe> objects() {
        return objectProbes().stream();
    }

    /**
     * For every caller with a login who cannot see the other subcommittee (its managers and members
     * see only the world's one; the outsiders see none), each answer is checked and the other
     * subcommittee read back unchanged; the failures of all callers are reported together.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("objects")
    void anInvisibleIdAnswersLikeAMadeUpOne(ObjectProbe probe) {
        Shared.run(() -> invisibleLikeMadeUp(probe, Shared.world(), Shared.foreign()));
    }

    private static void invisibleLikeMadeUp(ObjectProbe probe, World w, Foreign f) {
        long own = probe.needsOwnDraft() ? w.submissionA("DRAFT").id() : 0;
        long real = probe.realId().applyAsLong(f);
        List<String> failures = new ArrayList<>();
        // what a refused write might have changed, read before the first caller and after the last: a
        // read changes nothing to check (as in the role matrix, a GET has no state)
        boolean write = !probe.toString().startsWith("GET ");
        List<Object> before = write ? f.state(own) : List.of();
        for (Who who : BLIND_TO_OTHERS) {
            Response madeUp = probe.call().send(w.as(who), MADE_UP, f, own);
            Response invisible = probe.call().send(w.as(who), real, f, own);
            try {
                int status = probe.status().apply(who);
                String code = status == 404 ? "NOT_FOUND" : "FORBIDDEN";
                madeUp.then().spec(Api.problem(status, code));
                invisible.then().spec(Api.problem(status, code));
                Map<String, Object> expected = JsonPath.from(madeUp.asString()
                        .replace(Long.toString(MADE_UP), Long.toString(real))).getMap("");
                assertEquals(expected, invisible.jsonPath().getMap(""),
                        "the answer for an id the caller cannot see must be the one for an id that does not exist");
            } catch (AssertionError e) {
                failures.add(probe + " as " + who + ": " + e.getMessage());
            }
        }
        if (write) {
            try {
                assertEquals(before, f.state(own), "a refused request must change nothing");
            } catch (AssertionError e) {
                failures.add(probe + ", sent by each of " + BLIND_TO_OTHERS + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " failures among " + BLIND_TO_OTHERS.size() + " callers:\n" + String.join("\n", failures));
        }
    }

    // ------------------------------------------------------------------------------------------
    // Ids inside a body: another subcommittee's object is refused like one that does not exist
    // ------------------------------------------------------------------------------------------

    /**
     * A write whose body names {@code id} (another subcommittee's object, or a made-up one) where an
     * object of the world's subcommittee belongs: {@code 400 VALIDATION_FAILED} naming {@code field}.
     */
    record BodyProbe(String name, String field, ToLongFunction<Foreign> foreignId, Set<Who> callers,
            BiFunction<World, Long, Object> state, BodyCall call) {

        @Override
        public String toString() {
            return name;
        }
    }

    interface BodyCall {
        Response send(RequestSpecification request, World w, long submission, long id);
    }

    static List<BodyProbe> bodyProbes() {
        Set<Who> managers = MANAGERS;
        Set<Who> editors = EnumSet.of(ADMIN, HEAD, DEPUTY_HEAD, SECRETARY, SUPPORT_STAFF, MEMBER_OWN);
        List<BodyProbe> p = new ArrayList<>();
        p.add(new BodyProbe("POST /subcommittees/{sid}/responsibilities memberId", "memberId", f -> f.member, managers,
                (w, s) -> total(w.subcommittee() + "/responsibilities"),
                (req, w, s, id) -> json(req, newResponsibility(id)).post(w.subcommittee() + "/responsibilities")));
        p.add(new BodyProbe("PATCH /responsibilities/{id} memberId", "memberId", f -> f.member, managers,
                (w, s) -> etag(API + "/responsibilities/" + w.respA),
                (req, w, s, id) -> json(req, body("memberId", id)).patch(API + "/responsibilities/" + w.respA)));
        p.add(new BodyProbe("POST /subcommittees/{sid}/milestones responsibilityIds", "responsibilityIds[0]",
                f -> f.responsibility, managers, (w, s) -> total(w.subcommittee() + "/milestones"),
                (req, w, s, id) -> {
                    Map<String, Object> milestone = newMilestone();
                    milestone.put("responsibilityIds", List.of(id));
                    return json(req, milestone).post(w.subcommittee() + "/milestones");
                }));
        p.add(new BodyProbe("POST /subcommittees/{sid}/sessions chairMemberId", "chairMemberId", f -> f.member, managers,
                (w, s) -> total(w.subcommittee() + "/sessions"),
                (req, w, s, id) -> json(req, body("title", "Phiên họp", "startsAt", "2020-02-20T08:00:00+07:00",
                        "chairMemberId", id)).post(w.subcommittee() + "/sessions")));
        p.add(new BodyProbe("POST /sessions/{id}/conclusions memberId", "memberId", f -> f.member, managers,
                (w, s) -> total(session(sessionOf(w)) + "/conclusions"),
                (req, w, s, id) -> json(req, body("kind", "TASK", "text", "Giao", "memberId", id, "area", "Kinh tế",
                        "documentSection", "Phần I")).post(session(sessionOf(w)) + "/conclusions")));
        p.add(new BodyProbe("POST /sessions/{id}/conclusions responsibilityIds", "responsibilityIds[0]",
                f -> f.responsibility, managers, (w, s) -> total(session(sessionOf(w)) + "/conclusions"),
                (req, w, s, id) -> json(req, body("kind", "MILESTONE", "text", "Mốc", "title", "Mốc", "dueOn", "2020-02-22",
                        "responsibilityIds", List.of(id))).post(session(sessionOf(w)) + "/conclusions")));
        p.add(new BodyProbe("PATCH /milestones/{id} responsibilityIds", "responsibilityIds[2]", f -> f.responsibility,
                managers, (w, s) -> etag(API + "/milestones/" + w.milestone),
                (req, w, s, id) -> json(req, body("responsibilityIds", List.of(w.respA, w.respB, id)))
                        .patch(API + "/milestones/" + w.milestone)));
        // a MEMBER naming another subcommittee's (or an unknown) responsibility gets the 400 a manager gets
        p.add(new BodyProbe("POST /milestones/{mid}/submissions responsibilityId", "responsibilityId",
                f -> f.responsibility, editors, (w, s) -> total(API + "/milestones/" + w.milestone + "/submissions"),
                (req, w, s, id) -> json(req, body("responsibilityId", id, "title", "Số liệu " + Api.unique()))
                        .post(API + "/milestones/" + w.milestone + "/submissions")));
        // as above, for PATCH of the caller's own DRAFT
        p.add(new BodyProbe("PATCH /submissions/{id} responsibilityId", "responsibilityId", f -> f.responsibility,
                editors, (w, s) -> etag(submission(s)),
                (req, w, s, id) -> json(req, body("responsibilityId", id)).patch(submission(s))));
        return p;
    }

    static Stream<Arguments> bodyReferences() {
        return bodyProbes().stream().flatMap(probe -> probe.callers().stream().map(who -> Arguments.of(probe, who)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("bodyReferences")
    void anotherSubcommitteesIdInABodyIsRefusedLikeAMadeUpOne(BodyProbe probe, Who who) {
        Shared.run(() -> bodyLikeMadeUp(probe, who, Shared.world(), Shared.foreign()));
    }

    private static void bodyLikeMadeUp(BodyProbe probe, Who who, World w, Foreign f) {
        long own = w.submissionA("DRAFT").id();
        long foreign = probe.foreignId().applyAsLong(f);
        Object before = probe.state().apply(w, own);

        Response madeUp = probe.call().send(w.as(who), w, own, MADE_UP);
        Response invisible = probe.call().send(w.as(who), w, own, foreign);

        named(probe + " as " + who, () -> {
            madeUp.then().spec(Api.problem(400, "VALIDATION_FAILED")).body("errors.field", hasItem(probe.field()));
            invisible.then().spec(Api.problem(400, "VALIDATION_FAILED")).body("errors.field", hasItem(probe.field()));
            Map<String, Object> expected = JsonPath.from(madeUp.asString()
                    .replace(Long.toString(MADE_UP), Long.toString(foreign))).getMap("");
            assertEquals(expected, invisible.jsonPath().getMap(""),
                    "another subcommittee's id must be refused exactly like one that does not exist");
            assertEquals(before, probe.state().apply(w, own), "a refused request must change nothing");
        });
    }

    // ------------------------------------------------------------------------------------------
    // Ids in a list filter: one the caller cannot see gives an empty page, like one that does not exist
    // ------------------------------------------------------------------------------------------

    /**
     * A list of the world's (or a global one) filtered by {@code param} = an id of the other subcommittee's;
     * {@code ownWorld} says why it needs a world and a foreign subcommittee of its own, or is null.
     */
    record FilterProbe(String name, Function<World, String> path, String param, ToLongFunction<Foreign> foreignId,
            Set<Who> callers, String ownWorld) {

        FilterProbe(String name, Function<World, String> path, String param, ToLongFunction<Foreign> foreignId,
                Set<Who> callers) {
            this(name, path, param, foreignId, callers, null);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<FilterProbe> filterProbes() {
        Set<Who> inside = EnumSet.of(HEAD, DEPUTY_HEAD, SECRETARY, SUPPORT_STAFF, MEMBER_OWN, MEMBER_OTHER);
        Set<Who> running = EnumSet.of(HEAD, DEPUTY_HEAD, SECRETARY, SUPPORT_STAFF);
        return List.of(
                new FilterProbe("GET /submissions?subcommitteeId", w -> SUBMISSIONS, "subcommitteeId", f -> f.sid,
                        BLIND_TO_OTHERS),
                new FilterProbe("GET /submissions?milestoneId", w -> SUBMISSIONS, "milestoneId", f -> f.milestone,
                        BLIND_TO_OTHERS),
                new FilterProbe("GET /submissions?responsibilityId", w -> SUBMISSIONS, "responsibilityId",
                        f -> f.responsibility, BLIND_TO_OTHERS),
                new FilterProbe("GET /subcommittees/{sid}/responsibilities?memberId",
                        w -> w.subcommittee() + "/responsibilities", "memberId", f -> f.member, inside),
                new FilterProbe("GET /milestones/{mid}/submissions?responsibilityId",
                        w -> API + "/milestones/" + w.milestone + "/submissions", "responsibilityId",
                        f -> f.responsibility, inside),
                new FilterProbe("GET /audit?subcommitteeId", w -> API + "/audit", "subcommitteeId", f -> f.sid, running),
                // entityId matches an entity of any type and ids are counted per table: in the shared world, which
                // gains milestones, comments, responsibilities with every case, one of its own objects may have the
                // foreign submission's number, and its (visible) entries would answer. So, as ever, a world built
                // just before the foreign subcommittee, holding only what it was built with.
                new FilterProbe("GET /audit?entityId", w -> API + "/audit", "entityId", f -> f.submission, running,
                        "an object of the shared world may have the foreign submission's id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filterProbes")
    void aFilterOnAnInvisibleIdGivesAnEmptyPage(FilterProbe probe) {
        if (probe.ownWorld() == null) {
            Shared.run(() -> filterLikeMadeUp(probe, Shared.world(), Shared.foreign()));
        } else {
            World w = new World(probe.callers());
            filterLikeMadeUp(probe, w, new Foreign());
        }
    }

    private static void filterLikeMadeUp(FilterProbe probe, World w, Foreign f) {
        long foreign = probe.foreignId().applyAsLong(f);
        String path = probe.path().apply(w);
        if (path.equals(SUBMISSIONS) || path.equals(API + "/audit")) {
            // across subcommittees, the admin finds the other subcommittee's rows: the filter does filter
            given().queryParam(probe.param(), foreign).get(path).then().statusCode(200).body("totalItems", greaterThan(0));
        }
        List<String> failures = new ArrayList<>();
        for (Who who : probe.callers()) {
            Response madeUp = w.as(who).queryParam(probe.param(), MADE_UP).get(path);
            Response invisible = w.as(who).queryParam(probe.param(), foreign).get(path);
            try {
                madeUp.then().statusCode(200).body("totalItems", equalTo(0)).body("items", empty());
                invisible.then().statusCode(200).body("totalItems", equalTo(0)).body("items", empty());
            } catch (AssertionError e) {
                failures.add(probe + " as " + who + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + probe.callers().size() + " callers:\n" + String.join("\n", failures));
        }
    }
}
