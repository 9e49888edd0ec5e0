package vn.portal.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.portal.access.MemberRole;
import vn.portal.common.problem.FieldError;
import vn.portal.common.problem.ProblemException;

class QueryParamsTest {

    private static final SortFields SORTABLE = SortFields.byId()
            .field("title", "e.titleFolded")
            .nullableField("dueOn", "e.dueOn");

    private static final String ROLES = "must be one of HEAD, DEPUTY_HEAD, MEMBER, SECRETARY, SUPPORT_STAFF";
    private static final String SORT_HELP = "must be one of title, dueOn, each optionally preceded by - for descending order";

    /** The parsers only collect complaints; page() is where they surface, so every refusal is read there. */
    private static PageRequest page(QueryParams params) {
        return params.page(null, null, null, SORTABLE);
    }

    private static void assertRefused(Consumer<QueryParams> parse, String field, String message) {
        QueryParams params = new QueryParams();
        parse.accept(params);
        ProblemException problem = assertThrows(ProblemException.class, () -> page(params));
        assertEquals(400, problem.status());
        assertEquals("VALIDATION_FAILED", problem.code());
        assertEquals(List.of(new FieldError(field, message)), problem.errors());
        assertEquals(field + ": " + message, problem.getMessage());
    }

    @Test
    void absentParametersAreNullAndNoComplaint() {
        QueryParams params = new QueryParams();
        assertNull(params.id("memberId", null));
        assertNull(params.bool("active", null));
        assertNull(params.enumValue("role", null, MemberRole.class));
        assertNull(params.date("dueFrom", null));
        assertNull(params.instant("since", null));
        assertNull(params.word("state", null, List.of("overdue")));
        assertNull(params.text("q", null));
        assertEquals(new PageRequest(0, PageRequest.DEFAULT_SIZE, "e.id asc"), page(params));
    }

    // ids

    @ParameterizedTest
    @CsvSource({ "1, 1", "42, 42", "007, 7", "9223372036854775807, 9223372036854775807" })
    void anIdIsAPositiveLong(String raw, long expected) {
        QueryParams params = new QueryParams();
        assertEquals(expected, params.id("memberId", raw));
        page(params);
    }

    /** Long.parseLong's own leniency: a plus sign and any Unicode decimal digits (here Arabic-Indic) pass. */
    @ParameterizedTest
    @CsvSource({ "+5, 5", "١٢, 12" })
    void anIdIsReadAsJavaReadsALong(String raw, long expected) {
        QueryParams params = new QueryParams();
        assertEquals(expected, params.id("memberId", raw));
        page(params);
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "-1", "abc", "1.0", "1e3", "", " 1", "1 ", "9223372036854775808", "0x10" })
    void anIdThatIsNotAPositiveIntegerIsRefused(String raw) {
        assertRefused(p -> assertNull(p.id("memberId", raw)), "memberId", "must be a positive integer id");
    }

    // booleans

    @ParameterizedTest
    @CsvSource({ "true, true", "false, false" })
    void aBooleanIsTrueOrFalse(String raw, boolean expected) {
        QueryParams params = new QueryParams();
        assertEquals(expected, params.bool("active", raw));
        page(params);
    }

    @ParameterizedTest
    @ValueSource(strings = { "TRUE", "True", "1", "0", "yes", "", " true" })
    void aBooleanIsSpelledExactlyInLowerCase(String raw) {
        assertRefused(p -> assertNull(p.bool("active", raw)), "active", "must be true or false");
    }

    // enums

    @ParameterizedTest
    @EnumSource(MemberRole.class)
    void anEnumIsNamedByItsConstant(MemberRole role) {
        QueryParams params = new QueryParams();
        assertEquals(role, params.enumValue("role", role.name(), MemberRole.class));
        page(params);
    }

    @ParameterizedTest
    @ValueSource(strings = { "head", "Head", "HEAD ", "", "CHAIR", "0" })
    void anEnumRefusalListsEveryConstantInDeclaredOrder(String raw) {
        assertRefused(p -> assertNull(p.enumValue("role", raw, MemberRole.class)), "role", ROLES);
    }

    // dates

    @ParameterizedTest
    @ValueSource(strings = { "2020-02-22", "2020-02-29", "0001-01-01", "9999-12-31" })
    void aDateIsYearMonthDay(String raw) {
        QueryParams params = new QueryParams();
        assertEquals(LocalDate.parse(raw), params.date("dueFrom", raw));
        page(params);
    }

    @ParameterizedTest
    @ValueSource(strings = { "2019-02-29", "2020-02-30", "2020-13-01", "2020-00-10", "2020-2-22", "20200222",
            "+2020-02-22", "12020-02-22", "+999999999-12-31", "2020-02-22T00:00", " 2020-02-22", "22/02/2020", "" })
    void aDateThatDoesNotExistOrIsSpelledOtherwiseIsRefused(String raw) {
        assertRefused(p -> assertNull(p.date("dueFrom", raw)), "dueFrom", "must be a date as YYYY-MM-DD");
    }

    // instants

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2020-02-22T23:59:59+07:00|2020-02-22T16:59:59Z",
            "2020-02-22T16:59:59Z|2020-02-22T16:59:59Z",
            "2020-02-22T16:59:59+00:00|2020-02-22T16:59:59Z",
            "2020-02-22T23:59+07:00|2020-02-22T16:59:00Z",
            "2020-02-22T23:59:59.5-01:30|2020-02-23T01:29:59.500Z",
            "2020-02-22T00:00:00.123456789+07:00|2020-02-21T17:00:00.123456789Z",
            "2020-02-22T23:59:59+18:00|2020-02-22T05:59:59Z"
    })
    void anInstantCarriesItsOffset(String raw, String expected) {
        QueryParams params = new QueryParams();
        assertEquals(Instant.parse(expected), params.instant("since", raw));
        page(params);
    }

    @ParameterizedTest
    @ValueSource(strings = { "2020-02-22T23:59:59", "2020-02-22", "2020-02-22 23:59:59+07:00", "2020-02-22t23:59:59Z",
            "2020-02-22T23:59:59z", "2020-02-22T23:59:59+07", "2020-02-22T23:59:59+0700", "2020-02-22T23:59:59+19:00",
            "2020-02-22T24:00:00Z", "2020-02-30T00:00:00Z", "+2020-02-22T00:00:00Z", "1582390799",
            "2020-02-22T23:59:59+07:00[Asia/Ho_Chi_Minh]", "" })
    void anInstantWithoutAnOffsetOrOtherwiseMisspelledIsRefused(String raw) {
        assertRefused(p -> assertNull(p.instant("since", raw)), "since",
                "must be an instant with an offset, as 2020-02-22T23:59:59+07:00");
    }

    // words and text

    @Test
    void aWordIsOneOfTheAllowedOnesExactly() {
        QueryParams params = new QueryParams();
        assertEquals("overdue", params.word("state", "overdue", List.of("overdue", "upcoming")));
        page(params);
        assertRefused(p -> assertNull(p.word("state", "OVERDUE", List.of("overdue", "upcoming"))), "state",
                "must be one of overdue, upcoming");
        assertRefused(p -> assertNull(p.word("state", "", List.of("overdue", "upcoming"))), "state",
                "must be one of overdue, upcoming");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "\t", " \n\r " })
    void blankTextMeansAbsent(String raw) {
        QueryParams params = new QueryParams();
        assertNull(params.text("q", raw));
        page(params);
    }

    @Test
    void textIsKeptAsSentUpToThreeHundredCodePoints() {
        QueryParams params = new QueryParams();
        assertEquals(" Văn kiện ", params.text("q", " Văn kiện "));
        assertEquals("a".repeat(300), params.text("q", "a".repeat(300)));
        // 600 UTF-16 units, 300 characters
        assertEquals("😀".repeat(300), params.text("q", "😀".repeat(300)));
        page(params);
    }

    @ParameterizedTest
    @ValueSource(ints = { 301, 1000 })
    void longerTextIsRefused(int length) {
        assertRefused(p -> assertNull(p.text("q", "đ".repeat(length))), "q", "must be at most 300 characters");
        assertRefused(p -> assertNull(p.text("q", "😀".repeat(length))), "q", "must be at most 300 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = { "a\tb", "a\nb", "a\u0000b", "a\u007Fb", "a\u0085b", "a\uD800b", "\uDC00", "x\uD83D" })
    void textWithControlCharactersOrUnpairedSurrogatesIsRefused(String raw) {
        assertRefused(p -> assertNull(p.text("q", raw)), "q", "must not contain control characters or unpaired surrogates");
    }

    @Test
    void anOverlongTextIsRefusedForItsLengthAlone() {
        assertRefused(p -> p.text("q", "\u0000".repeat(301)), "q", "must be at most 300 characters");
    }

    @Test
    void aCallerCanAddAComplaintOfItsOwn() {
        assertRefused(p -> p.reject("dueTo", "must not be before dueFrom"), "dueTo", "must not be before dueFrom");
    }

    // paging and sort

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "|||0|20|e.id asc",
            "0|1||0|1|e.id asc",
            "3|100|id|3|100|e.id asc",
            "2147483647||-id|2147483647|20|e.id desc",
            "||title|0|20|e.titleFolded asc, e.id asc",
            "||-title|0|20|e.titleFolded desc, e.id asc",
            "||dueOn|0|20|e.dueOn asc nulls last, e.id asc",
            "||-dueOn|0|20|e.dueOn desc nulls last, e.id asc"
    })
    void pageSizeAndSortAreRead(String rawPage, String rawSize, String rawSort, int page, int size, String orderBy) {
        assertEquals(new PageRequest(page, size, orderBy), new QueryParams().page(rawPage, rawSize, rawSort, SORTABLE));
    }

    @Test
    void theLastPageHasAnOffsetBeyondAnInt() {
        assertEquals(214_748_364_700L, new QueryParams().page("2147483647", "100", null, SORTABLE).offset());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "page|-1|must be a whole number from 0",
            "page|x|must be a whole number from 0",
            "page|1.5|must be a whole number from 0",
            "page|''|must be a whole number from 0",
            "page|2147483648|must be a whole number from 0",
            "size|0|must be a whole number from 1 to 100",
            "size|101|must be a whole number from 1 to 100",
            "size|-5|must be a whole number from 1 to 100",
            "size|ten|must be a whole number from 1 to 100"
    })
    void aPageOrSizeOutOfRangeIsRefused(String field, String raw, String message) {
        QueryParams params = new QueryParams();
        ProblemException problem = assertThrows(ProblemException.class, () -> params.page(
                field.equals("page") ? raw : null, field.equals("size") ? raw : null, null, SORTABLE));
        assertEquals(400, problem.status());
        assertEquals("VALIDATION_FAILED", problem.code());
        assertEquals(List.of(new FieldError(field, message)), problem.errors());
    }

    /** The help names the declared fields only: id is accepted, yet not listed. */
    @ParameterizedTest
    @ValueSource(strings = { "name", "Title", " title", "--title", "-", "", "e.titleFolded" })
    void anUnknownSortIsRefusedWithTheFieldsThatExist(String raw) {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> new QueryParams().page(null, null, raw, SORTABLE));
        assertEquals(400, problem.status());
        assertEquals("VALIDATION_FAILED", problem.code());
        assertEquals(List.of(new FieldError("sort", SORT_HELP)), problem.errors());
    }

    @Test
    void everyComplaintIsReportedAtOnceInTheOrderItWasFound() {
        QueryParams params = new QueryParams();
        params.id("memberId", "0");
        params.bool("active", "yes");
        params.date("dueFrom", "2020-02-30");
        ProblemException problem = assertThrows(ProblemException.class, () -> params.page("-1", "0", "name", SORTABLE));
        assertEquals(400, problem.status());
        assertEquals("VALIDATION_FAILED", problem.code());
        assertEquals(List.of(
                new FieldError("memberId", "must be a positive integer id"),
                new FieldError("active", "must be true or false"),
                new FieldError("dueFrom", "must be a date as YYYY-MM-DD"),
                new FieldError("page", "must be a whole number from 0"),
                new FieldError("size", "must be a whole number from 1 to 100"),
                new FieldError("sort", SORT_HELP)), problem.errors());
        assertEquals("6 fields are invalid.", problem.getMessage());
    }
}
