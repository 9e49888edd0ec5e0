package vn.portal.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.portal.access.MemberRole;
import vn.portal.common.problem.FieldError;
import vn.portal.common.problem.ProblemException;

class SortFieldsTest {

    private static final String ROLE_ORDER = "case when e.role = vn.portal.access.MemberRole.HEAD then 0"
            + " when e.role = vn.portal.access.MemberRole.DEPUTY_HEAD then 1"
            + " when e.role = vn.portal.access.MemberRole.MEMBER then 2"
            + " when e.role = vn.portal.access.MemberRole.SECRETARY then 3"
            + " when e.role = vn.portal.access.MemberRole.SUPPORT_STAFF then 4 end";

    /** Shaped like the members' list: folded text, an enum, a nullable column and a plain one. */
    private static SortFields members() {
        return SortFields.byId()
                .field("fullName", "e.fullNameFolded")
                .enumField("role", "e.role", MemberRole.class)
                .nullableField("dueOn", "e.dueOn")
                .field("createdAt", "e.createdAt");
    }

    static Stream<Arguments> defaults() {
        return Stream.of(
                Arguments.of("byId", (Supplier<SortFields>) SortFields::byId, "e.id asc"),
                Arguments.of("newestFirst", (Supplier<SortFields>) SortFields::newestFirst, "e.id desc"),
                Arguments.of("defaultingTo", (Supplier<SortFields>) () -> SortFields.defaultingTo("e.dueOn asc"),
                        "e.dueOn asc, e.id asc"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void withoutASortTheDefaultOrderEndsInTheId(String factory, Supplier<SortFields> fields, String expected) {
        assertEquals(expected, fields.get().orderBy(null));
    }

    /** Whatever the default, an explicit id sort replaces it and needs no tie-breaker of its own. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void anIdSortIsTheIdAlone(String factory, Supplier<SortFields> fields, String ignored) {
        assertEquals("e.id asc", fields.get().orderBy("id"));
        assertEquals("e.id desc", fields.get().orderBy("-id"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fullName|e.fullNameFolded asc, e.id asc",
            "-fullName|e.fullNameFolded desc, e.id asc",
            "createdAt|e.createdAt asc, e.id asc",
            "-createdAt|e.createdAt desc, e.id asc",
            "dueOn|e.dueOn asc nulls last, e.id asc",
            "-dueOn|e.dueOn desc nulls last, e.id asc"
    })
    void aFieldSortsByItsExpressionThenByIdAscending(String sort, String expected) {
        assertEquals(expected, members().orderBy(sort));
    }

    @Test
    void anEnumSortsInDeclaredOrderNotAlphabetically() {
        assertEquals(ROLE_ORDER + " asc, e.id asc", members().orderBy("role"));
        assertEquals(ROLE_ORDER + " desc, e.id asc", members().orderBy("-role"));
    }

    @Test
    void namesAreTheDeclaredFieldsInDeclaredOrderWithoutId() {
        assertEquals(List.of("fullName", "role", "dueOn", "createdAt"), members().names());
        assertEquals(List.of(), SortFields.newestFirst().names());
        assertThrows(UnsupportedOperationException.class, () -> members().names().add("id"));
    }

    @ParameterizedTest
    @CsvSource({ "id, true", "fullName, true", "role, true", "dueOn, true", "-fullName, false", "FullName, false",
            "e.fullNameFolded, false", "'', false", "version, false" })
    void knowsTheIdAndTheDeclaredNamesWithoutTheirSign(String name, boolean known) {
        assertEquals(known, members().knows(name));
    }

    @Test
    void declaringANameAgainReplacesItsExpressionInPlace() {
        SortFields fields = SortFields.byId().field("title", "e.title").field("code", "e.code")
                .nullableField("title", "e.titleFolded");
        assertEquals(List.of("title", "code"), fields.names());
        assertEquals("e.titleFolded asc nulls last, e.id asc", fields.orderBy("title"));
    }

    /** QueryParams asks knows() first; orderBy itself trusts that it was asked. */
    @Test
    void orderByTrustsItsCallerToHaveCheckedTheName() {
        assertThrows(NullPointerException.class, () -> members().orderBy("unknown"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "name", "-name", "--fullName", "-", "", "role asc", "e.id" })
    void anUnknownSortIsRefusedNamingTheDeclaredFields(String sort) {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> new QueryParams().page(null, null, sort, members()));
        assertEquals(400, problem.status());
        assertEquals("VALIDATION_FAILED", problem.code());
        assertEquals(List.of(new FieldError("sort", "must be one of fullName, role, dueOn, createdAt, "
                + "each optionally preceded by - for descending order")), problem.errors());
    }

    /** The audit trail's order has no field of its own, so the help lists nothing (id would be accepted). */
    @Test
    void anUnknownSortOfAnOrderWithoutFieldsGetsAnEmptyList() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> new QueryParams().page(null, null, "createdAt", SortFields.newestFirst()));
        assertEquals(List.of(new FieldError("sort", "must be one of , each optionally preceded by - for descending order")),
                problem.errors());
        assertEquals("e.id asc", new QueryParams().page(null, null, "id", SortFields.newestFirst()).orderBy());
    }
}
