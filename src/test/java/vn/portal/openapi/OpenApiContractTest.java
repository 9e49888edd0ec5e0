package vn.portal.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The checked-in contract must be exactly what the running service describes. To refresh it
 * after a deliberate change: {@code mvn test -Dtest=OpenApiContractTest -Dopenapi.refresh=true}.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path CHECKED_IN = Path.of("openapi", "openapi.yaml");
    private static final Path GENERATED = Path.of("target", "openapi-generated.yaml");

    @Test
    void checkedInContractMatchesTheService() throws IOException {
        String served = given().accept("application/yaml").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        Files.createDirectories(GENERATED.getParent());
        Files.writeString(GENERATED, served, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("openapi.refresh")) {
            Files.writeString(CHECKED_IN, served, StandardCharsets.UTF_8);
        }
        String checkedIn = Files.exists(CHECKED_IN) ? Files.readString(CHECKED_IN, StandardCharsets.UTF_8) : "";
        assertEquals(checkedIn, served, "openapi/openapi.yaml differs from what the service generates ("
                + GENERATED + "). If the change is deliberate, refresh it: "
                + "mvn test -Dtest=OpenApiContractTest -Dopenapi.refresh=true");
    }
}
