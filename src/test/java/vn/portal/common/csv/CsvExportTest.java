package vn.portal.common.csv;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.portal.support.Api;

/** The CSV variant of the lists, through HTTP: the format, the rows, and the same rules as the JSON list. */
@QuarkusTest
class CsvExportTest {

    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private long sid;

    @BeforeEach
    void aSubcommittee() {
        sid = Api.createSubcommittee();
    }

    private String milestones() {
        return "/api/v1/subcommittees/" + sid + "/milestones";
    }

    private static Response csv(String path, Object... query) {
        Map<String, Object> parameters = new java.util.LinkedHashMap<>();
        for (int i = 0; i < query.length; i += 2) {
            parameters.put((String) query[i], query[i + 1]);
        }
        return given().accept("text/csv").queryParams(parameters).get(path);
    }

    /** The body without its BOM, split into CRLF-ended lines (the last one empty). */
    private static List<String> lines(Response response) {
        byte[] bytes = response.then().statusCode(200).extract().asByteArray();
        assertArrayEquals(BOM, Arrays.copyOf(bytes, 3), "a UTF-8 byte-order mark first: " + new String(bytes, StandardCharsets.UTF_8));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"), "the last line ends with CRLF");
        return new ArrayList<>(Arrays.asList(text.substring(0, text.length() - 2).split("\r\n", -1)));
    }

    @Test
    void milestonesAsCsv() {
        long id = Api.createMilestone(sid, "2020-02-22", Map.of("title", "Mốc, \"một\"",
                "description", "dòng một\ndòng hai"));
        Response response = csv(milestones());
        response.then().statusCode(200).header("Content-Type", equalTo("text/csv; charset=UTF-8"))
                .header("Content-Disposition", equalTo("attachment; filename=\"milestones-" + sid + ".csv\""));
        List<String> lines = lines(response);
        assertEquals("id,subcommitteeId,title,description,dueOn,status,completedOn,responsibilityIds,overdue,"
                + "createdAt,updatedAt,version", lines.get(0));
        assertTrue(lines.get(1).startsWith(id + "," + sid + ",\"Mốc, \"\"một\"\"\",\"dòng một\ndòng hai\",2020-02-22,"), lines.get(1));
    }
}
