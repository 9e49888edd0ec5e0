package vn.portal.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.arc.Arc;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.portal.events.EventSequencer;
import vn.portal.webhook.WebhookDispatcher;

/**
 * Webhooks for tests that need one to exist with a delivery in its log (the permission matrix, the
 * fuzz test), not a receiver: each points at {@link #NOWHERE}, where an attempt is a refused
 * connection, made at once. Made as the admin.
 */
public final class Webhooks {

    public static final String PATH = "/api/v1/webhooks";

    /** A local port nothing listens on (discard): the test profile allows http and private targets. */
    public static final String NOWHERE = "http://127.0.0.1:9/";

    /** A webhook and the delivery of its first event, which has one attempt. */
    public record Delivered(long webhook, long delivery) {

        public String webhookPath() {
            return PATH + "/" + webhook;
        }

        public String deliveryPath() {
            return webhookPath() + "/deliveries/" + delivery;
        }
    }

    private Webhooks() {
    }

    /**
     * A webhook at {@link #NOWHERE} that received the events after its registration (a new
     * subcommittee's first) in one delivery pass, as the scheduled pass would: the oldest
     * delivery has one failed attempt and waits for its retry. Then it is turned off, so that no
     * later pass ({@code WebhookDispatcher.drain} in another test) tries it again.
     */
    public static Delivered delivered() {
        long id = Api.json().body(Map.of("url", NOWHERE + "hooks/" + Api.unique(), "description", "Không nơi nhận"))
                .post(PATH).then().statusCode(201).extract().jsonPath().getLong("id");
        Api.createSubcommittee();
        Arc.container().instance(EventSequencer.class).get().catchUp();
        Arc.container().instance(WebhookDispatcher.class).get().serve(id);
        JsonPath oldest = given().queryParam("sort", "id").get(PATH + "/" + id + "/deliveries").then().statusCode(200)
                .body("items[0].attempts", equalTo(1)).extract().jsonPath();
        Api.json().body(Map.of("active", false)).patch(PATH + "/" + id).then().statusCode(200);
        return new Delivered(id, oldest.getLong("items[0].id"));
    }

    /**
     * Turns off every active webhook at {@link #NOWHERE}: those a test registered, or turned back on,
     * and left so (the fuzz test's). No later delivery pass tries them. Returns how many.
     */
    public static int turnOffAtNowhere() {
        List<Integer> ids = new ArrayList<>();
        JsonPath page;
        int number = 0;
        do {
            page = given().queryParam("active", true).queryParam("size", 100).queryParam("page", number++).get(PATH)
                    .then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.findAll { it.url.startsWith('" + NOWHERE + "') }.id", Integer.class));
        } while (number < page.getInt("totalPages"));
        for (int id : ids) {
            Api.json().body(Map.of("active", false)).patch(PATH + "/" + id).then().statusCode(200);
        }
        return ids.size();
    }
}
