package vn.portal.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalogue of codes against the contract: nothing in one that the other does not know. */
class ErrorCodeTest {

    /** Codes a client meets only from the framework (a path's wrong method, a bare 409), never as a rule of the contract's. */
    static final Set<ErrorCode> FRAMEWORK_ONLY = Set.of(ErrorCode.METHOD_NOT_ALLOWED, ErrorCode.CONFLICT, ErrorCode.ERROR);

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeOfTheCatalogueIsInTheContract(ErrorCode code) throws IOException {
        String contract = Files.readString(Path.of("openapi", "openapi.yaml"), StandardCharsets.UTF_8);
        if (!FRAMEWORK_ONLY.contains(code)) {
            assertTrue(contract.matches("(?s).*\\b" + code.name() + "\\b.*"), code + " is named nowhere in openapi.yaml");
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({ "400, VALIDATION_FAILED", "401, UNAUTHENTICATED", "403, FORBIDDEN", "404, NOT_FOUND",
            "405, METHOD_NOT_ALLOWED", "406, NOT_ACCEPTABLE", "409, CONFLICT", "412, PRECONDITION_FAILED",
            "413, PAYLOAD_TOO_LARGE", "415, UNSUPPORTED_MEDIA_TYPE", "429, TOO_MANY_REQUESTS", "503, SERVICE_UNAVAILABLE" })
    void aBareStatusOfTheFrameworkGetsItsGenericCode(int status, ErrorCode code) {
        assertEquals(Optional.of(code), ErrorCode.forStatus(status));
    }

    @Test
    void aStatusWithoutACodeOfItsOwnGetsNone() {
        assertEquals(Optional.empty(), ErrorCode.forStatus(410));
        assertEquals(Optional.empty(), ErrorCode.forStatus(500), "a 500 is answered by the unexpected-error mapper");
    }

    @Test
    void aProblemTakesItsStatusFromItsCode() {
        List<ErrorCode> wrong = Arrays.stream(ErrorCode.values()).filter(code -> code != ErrorCode.ERROR)
                .filter(code -> code.problem("x").status() != code.status() || !code.problem("x").code().equals(code.name()))
                .toList();
        assertEquals(List.of(), wrong);
        assertEquals(409, ErrorCode.SUBCOMMITTEE_ARCHIVED.status());
        assertEquals(415, ErrorCode.FILE_TYPE_NOT_ALLOWED.status());
        assertEquals(422, ErrorCode.IDEMPOTENCY_KEY_REUSED.status());
    }
}
