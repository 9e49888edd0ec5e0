package vn.portal.common.json;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.portal.common.json.BodySpec.Field;
import vn.portal.common.problem.FieldError;
import vn.portal.common.problem.ProblemException;

/**
 * The strict parser, without HTTP: what it takes, what it refuses and with which field errors,
 * and how a body becomes the request records a service takes (absent, null and a value told apart).
 */
class BodySpecTest {

    enum Colour {
        RED, GREEN
    }

    record ThingRequest(String name, String note, Colour colour, Integer year, LocalDate due, Boolean active, Long ownerId,
            List<Long> partIds, String email, List<Colour> colours) {
    }

    record ThingPatch(Patch<String> name, Patch<String> note, Patch<Colour> colour, Patch<Integer> year,
            Patch<LocalDate> due, Patch<Boolean> active, Patch<Long> ownerId, Patch<List<Long>> partIds,
            Patch<String> email, Patch<List<Colour>> colours) {
    }

    static final BodySpec<ThingRequest, ThingPatch> SPEC = BodySpec.named("Thing")
            .field(Field.text("name").required().max(5))
            .field(Field.longText("note", 10))
            .field(Field.enumOf("colour", Colour.class))
            .field(Field.year("year"))
            .field(Field.date("due"))
            .field(Field.bool("active").defaulted())
            .field(Field.id("ownerId"))
            .field(Field.ids("partIds"))
            .field(Field.email("email"))
            .field(Field.enumsOf("colours", Colour.class))
            .readOnly("id", "version")
            .binding(ThingRequest.class, ThingPatch.class);

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static ProblemException refusal(String body, boolean create) {
        return assertThrows(ProblemException.class,
                () -> { if (create) { SPEC.parseCreate(json(body)); } else { SPEC.parsePatch(json(body)); } });
    }

    static String fields(ProblemException e) {
        return e.errors().stream().map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; "));
    }

    @Test
    void aCreateBodyBecomesItsRecordWithNullForWhatWasNotSent() {
        ThingRequest thing = SPEC.parseCreate(json("{'name':' Hà ','colour':'RED','year':2020,'due':'2020-02-22',"
                + "'ownerId':7,'partIds':[3,1],'colours':['GREEN']}"));
        assertAll(
                () -> assertEquals("Hà", thing.name(), "text is trimmed"),
                () -> assertEquals(Colour.RED, thing.colour()),
                () -> assertEquals(2020, thing.year()),
                () -> assertEquals(LocalDate.of(2020, 2, 22), thing.due()),
                () -> assertEquals(7L, thing.ownerId()),
                () -> assertEquals(List.of(3L, 1L), thing.partIds()),
                () -> assertEquals(List.of(Colour.GREEN), thing.colours()),
                () -> assertNull(thing.note()),
                () -> assertNull(thing.active(), "a defaulted field not sent is left to the service"));
    }

    @Test
    void aPatchTellsAbsentFromNullFromAValue() {
        ThingPatch patch = SPEC.parsePatch(json("{'note':null,'colour':'GREEN'}"));
        assertAll(
                () -> assertFalse(patch.name().isPresent()),
                () -> assertTrue(patch.note().isPresent()),
                () -> assertNull(patch.note().value()),
                () -> assertEquals(Patch.of("colour", Colour.GREEN), patch.colour()),
                () -> assertEquals("name", patch.name().field(), "an absent field still knows its name"));
    }

    @Test
    void aCreateRequestAsAPatchSendsWhatWasSetAndLeavesNullsAlone() {
        ThingPatch patch = BodySpec.asPatch(SPEC.parseCreate(json("{'name':'a','note':null,'year':2021}")), ThingPatch.class);
        assertAll(
                () -> assertEquals(Patch.of("name", "a"), patch.name()),
                () -> assertEquals(Patch.of("year", 2021), patch.year()),
                () -> assertEquals(Patch.absent("note"), patch.note()),
                () -> assertEquals(Patch.absent("active"), patch.active()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{'name':'abcdef'}                     | name: must be at most 5 characters",
            "{'name':'ngườiệ'}                     | name: must be at most 5 characters",
            "{'name':'   '}                        | name: must not be blank",
            "{'name':7}                            | name: must be a string",
            "{'name':'a\\tb'}                      | name: must not contain control characters or line breaks",
            "{'name':'a','note':'x\\u0001'}        | note: must not contain control characters other than tab and line breaks",
            "{'name':'a','colour':'BLUE'}          | colour: must be one of RED, GREEN",
            "{'name':'a','year':1899}              | year: must be a whole year from 1900 to 2999",
            "{'name':'a','year':2020.5}            | year: must be a whole year from 1900 to 2999",
            "{'name':'a','due':'2020-2-22'}        | due: must be a date as YYYY-MM-DD",
            "{'name':'a','due':'+12020-02-22'}     | due: must be a date as YYYY-MM-DD",
            "{'name':'a','due':'2020-02-30'}       | due: must be a date as YYYY-MM-DD",
            "{'name':'a','active':'true'}          | active: must be true or false",
            "{'name':'a','ownerId':0}              | ownerId: must be a positive integer id",
            "{'name':'a','ownerId':'7'}            | ownerId: must be a positive integer id",
            "{'name':'a','partIds':[1,1]}          | partIds[1]: repeats id 1",
            "{'name':'a','partIds':7}              | partIds: must be an array of ids",
            "{'name':'a','email':'no-at-sign'}     | email: must be an email address",
            "{'name':'a','colours':['RED','RED']}  | colours[1]: repeats RED",
            "{}                                    | name: is required",
            "{'name':null}                         | name: is required and cannot be null",
            "{'name':'a','active':null}            | active: is required and cannot be null" })
    void aBadValueIsRefusedNamingItsField(String body, String expected) {
        ProblemException e = refusal(body, true);
        assertEquals(400, e.status());
        assertEquals("VALIDATION_FAILED", e.code());
        assertEquals(expected, fields(e));
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        ProblemException e = refusal("{'name':7,'year':1,'ownerId':-1}", true);
        assertEquals("3 fields are invalid.", e.getMessage());
        assertEquals(List.of("name", "year", "ownerId"), e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void aPatchNeedsNoRequiredFieldButNeverNullsOne() {
        assertEquals(Patch.absent("name"), SPEC.parsePatch(json("{}")).name());
        assertEquals("name: is required and cannot be null", fields(refusal("{'name':null}", false)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{'name':'a','colour2':'RED'}     | UNKNOWN_FIELD   | The body has unknown field colour2.    | colour2: is not a field of Thing",
            "{'id':1,'version':2}             | READ_ONLY_FIELD | The body has read-only fields id, version. | id: is read-only: the service sets it; version: is read-only: the service sets it",
            "{'id':1,'colour2':'RED'}         | READ_ONLY_FIELD | The body has read-only field id.       | id: is read-only: the service sets it" })
    void unknownAndReadOnlyFieldsAreRefusedBeforeAnyValueIsLookedAt(String body, String code, String detail,
            String expected) {
        ProblemException e = refusal(body, true);
        assertEquals(code, e.code());
        assertEquals(detail, e.getMessage());
        assertEquals(expected, fields(e));
    }

    @ParameterizedTest
    @CsvSource({ "'[]'", "'\"text\"'", "7", "null" })
    void aBodyThatIsNotAnObjectIsRefused(String body) {
        assertEquals("body: must be a JSON object", fields(refusal(body, true)));
    }

    record Missing(String name) {
    }

    record WrongType(String name, String note, Colour colour, Integer year, LocalDate due, Boolean active, String ownerId,
            List<Long> partIds, String email, List<Colour> colours) {
    }

    record PlainPatch(String name) {
    }

    record WrongElements(List<String> partIds) {
    }

    @Test
    void aRecordThatDriftsFromItsSpecFailsWhenTheSpecIsDeclared() {
        BodySpec.Builder two = BodySpec.named("Two").field(Field.text("name")).field(Field.text("note"));
        assertTrue(assertThrows(IllegalStateException.class, () -> two.creating(Missing.class, "TwoCreate"))
                .getMessage().contains("lacks the fields [note]"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> BodySpec.named("Thing").field(Field.text("name")).creating(ThingRequest.class, "X"))
                .getMessage().contains("is no field of its spec"));
        BodySpec.Builder thing = BodySpec.named("Thing").field(Field.text("name")).field(Field.longText("note", 10))
                .field(Field.enumOf("colour", Colour.class)).field(Field.year("year")).field(Field.date("due"))
                .field(Field.bool("active")).field(Field.id("ownerId")).field(Field.ids("partIds"))
                .field(Field.email("email")).field(Field.enumsOf("colours", Colour.class));
        assertTrue(assertThrows(IllegalStateException.class, () -> thing.creating(WrongType.class, "X"))
                .getMessage().contains("ownerId must be of type java.lang.Long"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> BodySpec.named("P").field(Field.text("name")).patching(PlainPatch.class, "PPatch"))
                .getMessage().contains("must be a Patch"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> BodySpec.named("L").field(Field.ids("partIds")).creating(WrongElements.class, "LCreate"))
                .getMessage().contains("partIds must be of type java.util.List"));
    }

    @Test
    void aSpecWithoutAFormRefusesToParseIt() {
        BodySpec<NoFields, Void> action = BodySpec.named("Action").creating(NoFields.class, "Action");
        assertEquals(new NoFields(), action.parseCreate(json("{}")));
        assertEquals("UNKNOWN_FIELD", assertThrows(ProblemException.class, () -> action.parseCreate(json("{'x':1}"))).code());
        assertThrows(IllegalStateException.class, () -> action.parsePatch(json("{}")));
    }
}
