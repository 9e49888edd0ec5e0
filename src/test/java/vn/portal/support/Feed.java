package vn.portal.support;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the change feed as a client does. {@link #head()} is the cursor of the feed's end, found by
 * reading on from the last head found (the feed only grows at its end), from its start the first
 * time or when a test's purge has expired that cursor.
 */
public final class Feed {

    public static final String EVENTS = "/api/v1/events";

    private static String head;

    private Feed() {
    }

    /** One read as the admin; a null cursor reads from the start. */
    public static JsonPath read(String after, int limit) {
        return read(given(), after, limit);
    }

    public static JsonPath read(RequestSpecification as, String after, int limit) {
        return send(as, after, limit).then().statusCode(200).extract().jsonPath();
    }

    public static Response send(RequestSpecification as, String after, int limit) {
        if (after != null) {
            as.queryParam("after", after);
        }
        return as.queryParam("limit", limit).get(EVENTS);
    }

    /** The cursor after the last event committed so far: what a reader polling from now on starts with. */
    public static synchronized String head() {
        while (true) {
            Response response = send(given(), head, 500);
            if (response.statusCode() == 410) {
                head = null;
                continue;
            }
            JsonPath page = response.then().statusCode(200).extract().jsonPath();
            head = page.getString("next");
            if (page.getList("items").size() < 500) {
                return head;
            }
        }
    }

    /** Every event after {@code after} that {@code as} sees, read on page by page to the end, with the last cursor. */
    public static List<Map<String, Object>> since(String after) {
        List<Map<String, Object>> events = new ArrayList<>();
        String cursor = after;
        while (true) {
            JsonPath page = read(cursor, 500);
            events.addAll(page.getList("items"));
            cursor = page.getString("next");
            if (page.getList("items").size() < 500) {
                return events;
            }
        }
    }
}
