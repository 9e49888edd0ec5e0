package vn.portal.common.concurrency;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.portal.common.problem.ProblemException;

class ETagsTest {

    /** Shaped like a milestone's view: a version, text, a date, an instant, a computed flag and a list. */
    record View(long id, long version, String title, LocalDate dueOn, Instant updatedAt, boolean overdue,
            List<Long> responsibilityIds) implements SingleResource {
    }

    /** Another resource whose JSON happens to be spelled like View's. */
    record Twin(long id, long version, String title, LocalDate dueOn, Instant updatedAt, boolean overdue,
            List<Long> responsibilityIds) implements SingleResource {
    }

    private static final String TITLE = "Số liệu kinh tế";
    private static final LocalDate DUE = LocalDate.of(2020, 2, 22);
    private static final Instant UPDATED = Instant.parse("2020-02-21T02:00:00Z");
    private static final List<Long> IDS = List.of(11L, 12L);
    private static final View VIEW = new View(7, 3, TITLE, DUE, UPDATED, false, IDS);

    private static ETags etags() {
        ETags etags = new ETags();
        etags.mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        return etags;
    }

    // matches: RFC 9110 section 8.8.3.2 and 13.1

    @ParameterizedTest(name = "[{index}] {0} weak={1}")
    @CsvSource(delimiter = '|', value = {
            "\"abc\"|false|true",
            "\"abc\"|true|true",
            // If-Match compares strongly: a weak tag never matches
            "W/\"abc\"|false|false",
            "W/\"abc\"|true|true",
            "\"xyz\"|false|false",
            "\"xyz\"|true|false",
            "W/\"xyz\"|true|false",
            "*|false|true",
            "*|true|true",
            "' * '|false|true",
            "\"xyz\", \"abc\"|false|true",
            "\"xyz\",\"abc\"|true|true",
            "\"xyz\", W/\"abc\"|false|false",
            "\"xyz\", W/\"abc\"|true|true",
            "'  \"xyz\" ,\t\"abc\"  '|false|true",
            "\"xyz\", *|false|true",
            // opaque and case-sensitive, quotes included
            "\"ABC\"|true|false",
            "abc|false|false",
            "abc|true|false",
            "\"*\"|false|false",
            // the weak indicator is case-sensitive and directly precedes the quote
            "w/\"abc\"|true|false",
            "W/ \"abc\"|true|false",
            "W/W/\"abc\"|true|false",
            "W/*|true|false",
            "\"abc\" \"xyz\"|false|false",
            "''|false|false",
            "''|true|false",
            ",|false|false",
            "' , '|true|false"
    })
    void aHeaderMatchesTheCurrentTag(String header, boolean weak, boolean expected) {
        assertEquals(expected, ETags.matches(header, "\"abc\"", weak));
    }

    /** RFC 9110 lets a tag hold a comma; the list is split on commas, so such a tag never matches. Ours are base64url. */
    @Test
    void aTagWithACommaIsSplitApart() {
        assertFalse(ETags.matches("\"a,b\"", "\"a,b\"", false));
        assertTrue(ETags.matches("\"a,b\", *", "\"a,b\"", false));
    }

    // of

    @Test
    void aTagIsAQuotedDigestInBase64Url() {
        String tag = etags().of(VIEW);
        assertTrue(tag.matches("\"[A-Za-z0-9_-]{27}\""), tag);
    }

    @Test
    void equalViewsHaveTheSameTagWhoeverComputesIt() {
        View equal = new View(7, 3, new String(TITLE), LocalDate.of(2020, 2, 22), Instant.parse("2020-02-21T02:00:00Z"),
                false, List.of(11L, 12L));
        String tag = etags().of(VIEW);
        assertEquals(tag, etags().of(VIEW));
        assertEquals(tag, etags().of(equal));
    }

    /** The tag is of what is sent, not of the Java type that sends it. */
    @Test
    void theTagIsOfTheJsonAlone() {
        Twin twin = new Twin(7, 3, TITLE, DUE, UPDATED, false, IDS);
        assertEquals(etags().of(VIEW), etags().of(twin));
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("id", new View(8, 3, TITLE, DUE, UPDATED, false, IDS)),
                Arguments.of("version", new View(7, 4, TITLE, DUE, UPDATED, false, IDS)),
                Arguments.of("title", new View(7, 3, TITLE + " ", DUE, UPDATED, false, IDS)),
                Arguments.of("title null", new View(7, 3, null, DUE, UPDATED, false, IDS)),
                Arguments.of("dueOn", new View(7, 3, TITLE, DUE.plusDays(1), UPDATED, false, IDS)),
                Arguments.of("updatedAt", new View(7, 3, TITLE, DUE, UPDATED.plusMillis(1), false, IDS)),
                Arguments.of("overdue (computed)", new View(7, 3, TITLE, DUE, UPDATED, true, IDS)),
                Arguments.of("responsibilityIds order", new View(7, 3, TITLE, DUE, UPDATED, false, List.of(12L, 11L))),
                Arguments.of("responsibilityIds empty", new View(7, 3, TITLE, DUE, UPDATED, false, List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void anyChangedFieldChangesTheTag(String field, View changed) {
        assertNotEquals(etags().of(VIEW), etags().of(changed));
    }

    // requireMatch

    @ParameterizedTest
    @ValueSource(strings = { "*", " * ", "\"stale\", *" })
    void aWildcardIfMatchLetsTheWriteThrough(String ifMatch) {
        assertDoesNotThrow(() -> ETags.requireMatch(ifMatch, etags().of(VIEW)));
    }

    @Test
    void withoutIfMatchTheLastWriterWins() {
        assertDoesNotThrow(() -> ETags.requireMatch(null, etags().of(VIEW)));
    }

    @Test
    void theCurrentTagAloneOrInAListLetsTheWriteThrough() {
        String current = etags().of(VIEW);
        assertDoesNotThrow(() -> ETags.requireMatch(current, current));
        assertDoesNotThrow(() -> ETags.requireMatch("\"stale\", " + current, current));
        assertDoesNotThrow(() -> ETags.requireMatch(" " + current + " ", current));
    }

    static Stream<String> staleTags() {
        String current = etags().of(VIEW);
        View older = new View(7, 2, TITLE, DUE, UPDATED, false, IDS);
        return Stream.of(etags().of(older), "W/" + current, current.substring(1, current.length() - 1), "\"\"", "",
                current.toLowerCase(), "\"stale\", " + etags().of(older));
    }

    @ParameterizedTest
    @MethodSource("staleTags")
    void aStaleOrWeakTagIsAPreconditionFailed(String ifMatch) {
        ProblemException problem = assertThrows(ProblemException.class, () -> ETags.requireMatch(ifMatch, etags().of(VIEW)));
        assertEquals(412, problem.status());
        assertEquals("PRECONDITION_FAILED", problem.code());
        assertEquals(List.of(), problem.errors());
    }
}
