package vn.portal.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How database failures that lose a race become the contract's answers. */
class ProblemClassificationTest {

    @ParameterizedTest
    @CsvSource({
            // H2 decorates the name; PostgreSQL reports it as declared
            "PUBLIC.UQ_MEMBER_HEAD_INDEX_8, HEAD_ALREADY_ASSIGNED",
            "uq_member_head, HEAD_ALREADY_ASSIGNED",
            "uq_member_email, EMAIL_TAKEN",
            "PUBLIC.UQ_SUBCOMMITTEE_CODE_INDEX_A, CODE_TAKEN",
            "uq_responsibility_lead, RESPONSIBILITY_OVERLAP",
            "uq_member_user, USER_ALREADY_MEMBER",
            "fk_responsibility_member, MEMBER_HAS_RESPONSIBILITIES",
            "fk_mr_responsibility, RESPONSIBILITY_IN_USE",
            "fk_milestone_subcommittee, SUBCOMMITTEE_NOT_EMPTY"
    })
    void aViolatedConstraintIsItsRule(String constraint, String code) {
        ProblemException problem = ProblemMappers.classify(wrapped(violation(constraint)), false);
        assertEquals(409, problem.status());
        assertEquals(code, problem.code());
    }

    @Test
    void anUnknownConstraintIsACollision() {
        assertEquals("CONCURRENT_MODIFICATION", ProblemMappers.classify(violation("some_other"), false).code());
    }

    @Test
    void aStaleVersionIsAConcurrentModificationOrAFailedPrecondition() {
        RuntimeException stale = new OptimisticLockException(new StaleObjectStateException("Member", 1L));
        assertEquals("CONCURRENT_MODIFICATION", ProblemMappers.classify(wrapped(stale), false).code());
        ProblemException withIfMatch = ProblemMappers.classify(wrapped(stale), true);
        assertEquals(412, withIfMatch.status());
        assertEquals("PRECONDITION_FAILED", withIfMatch.code());
    }

    @ParameterizedTest
    @CsvSource({ "40001, 0", "40P01, 0", "HYT00, 50200", "90131, 90131" })
    void serializationFailuresDeadlocksAndLockTimeoutsAreCollisions(String state, int vendorCode) {
        SQLException sql = new SQLException("busy", state, vendorCode);
        assertEquals("CONCURRENT_MODIFICATION", ProblemMappers.classify(new PersistenceException(sql), false).code());
    }

    /**
     * Agroal's answers when no connection came free in time, as Hibernate wraps them inside a
     * transaction and as the login's own read wraps them: the request waited behind a busy
     * database (32 racers on one subcommittee with a pool of 3 answered 500 before), so 503 with
     * Retry-After, not 500.
     */
    @Test
    void noDatabaseConnectionInTimeIsServiceUnavailable() {
        SQLException poolFull = new SQLException("Sorry, acquisition timeout!");
        SQLException noNewConnection = new SQLException("Acquisition timeout while waiting for new connection",
                new java.util.concurrent.TimeoutException());
        for (RuntimeException e : java.util.List.of(
                new GenericJDBCException("Unable to acquire JDBC Connection", poolFull),
                new IllegalStateException("the users could not be read", poolFull),
                new PersistenceException(noNewConnection))) {
            ProblemException problem = ProblemMappers.classify(wrapped(e), true);
            assertEquals(503, problem.status());
            assertEquals("SERVICE_UNAVAILABLE", problem.code());
            assertEquals("1", problem.headers().get("Retry-After"));
        }
    }

    @Test
    void aRequestBodyThatCannotBeReadIsTheClientsError() {
        ProblemException problem = ProblemMappers.classify(new java.io.IOException("Connection terminated parsing multipart request"), false);
        assertEquals(400, problem.status());
        assertEquals("VALIDATION_FAILED", problem.code());
        assertEquals("body", problem.errors().get(0).field());
    }

    /** FuzzTest found a part header without a colon answered with 500. */
    @Test
    void aMultipartBodyTheParserCallsMalformedIsTheClientsError() {
        ProblemException problem = ProblemMappers.classify(
                new org.jboss.resteasy.reactive.server.core.multipart.MultipartParser.MalformedMessageException(), false);
        assertEquals(400, problem.status());
        assertEquals("body", problem.errors().get(0).field());
    }

    @Test
    void anythingElseIsLeftForTheInternalErrorAnswer() {
        assertNull(ProblemMappers.classify(new java.io.UncheckedIOException(new java.io.IOException("disk full")), false));
        assertNull(ProblemMappers.classify(new IllegalStateException("bug"), false));
        assertNull(ProblemMappers.classify(new PersistenceException(new SQLException("syntax", "42000")), false));
    }

    private static ConstraintViolationException violation(String constraint) {
        return new ConstraintViolationException("violated", new SQLException("violated " + constraint, "23505"), constraint);
    }

    private static RuntimeException wrapped(RuntimeException cause) {
        return new RuntimeException("commit failed", new PersistenceException(cause));
    }
}
