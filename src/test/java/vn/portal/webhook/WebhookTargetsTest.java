package vn.portal.webhook;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.portal.events.EventSequencer;
import vn.portal.support.Api;
import vn.portal.support.Receiver;

/**
 * Private targets are refused, as in production (the other tests allow them, for their local
 * receivers): at registration, and again before each attempt, since what a name resolves to changes.
 */
@QuarkusTest
@TestProfile(WebhookTargetsTest.AsInProduction.class)
class WebhookTargetsTest {

    public static class AsInProduction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.webhooks.allow-http", "false", "portal.webhooks.allow-private-targets", "false");
        }
    }

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    EventSequencer sequencer;

    @Inject
    EntityManager em;

    @Test
    void addressesOfPrivateNetworksAreTold() throws Exception {
        for (String address : List.of("127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.5.4", "172.31.255.255",
                "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::",
                "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "::ffff:0:10.0.0.1",
                "::127.0.0.1", "64:ff9b::a00:1", "64:ff9b:1::7f00:1", "2002:a00:1::", "2002:7f00:1::1", "2001:0:4136:e378::1",
                "100::1", "192.0.0.8")) {
            assertTrue(Targets.isPrivate(InetAddress.getByName(address)), address);
        }
        for (String address : List.of("8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888", "64:ff9b::808:808", "2002:808:808::1")) {
            assertFalse(Targets.isPrivate(InetAddress.getByName(address)), address);
        }
        Targets production = new Targets(false, false);
        assertThrows(Targets.Refused.class, () -> production.parse("http://example.org/hook"));
        assertEquals("must have a port from 1 to 65535",
                assertThrows(Targets.Refused.class, () -> production.parse("https://example.org:70000/hook")).getMessage());
        production.requirePublic(URI.create("https://93.184.216.34/hook"));
        assertEquals("must not be a loopback, private, link-local or multicast address (127.0.0.1 is 127.0.0.1)",
                assertThrows(Targets.Refused.class, () -> production.requirePublic(URI.create("https://127.0.0.1/x")))
                        .getMessage());
    }

    @Test
    void aPrivateTargetIsRefusedAtRegistration() {
        for (String url : List.of("https://127.0.0.1/hook", "https://localhost:8443/hook", "https://10.1.2.3/hook",
                "https://192.168.0.10/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/hook",
                "https://[fd00::5]/hook")) {
            Api.json().body(Map.of("url", url)).post("/api/v1/webhooks").then().statusCode(400)
                    .body("errors[0].field", equalTo("url")).body("errors[0].message", containsString("private"));
        }
        Api.json().body(Map.of("url", "http://93.184.216.34/hook")).post("/api/v1/webhooks").then().statusCode(400)
                .body("errors[0].message", equalTo("must be an https URL"));
    }

    @Test
    void aTargetThatBecamePrivateIsNotSentTo() {
        long id = Api.json().body(Map.of("url", "https://93.184.216.34/hook", "eventTypes", List.of("subcommittee.created")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");
        try (Receiver receiver = new Receiver()) {
            // as if its name now resolved to this machine: the stored URL is changed under the service
            String local = receiver.url("/hook").replace("http:", "https:");
            QuarkusTransaction.requiringNew().run(() -> em.createQuery("update Webhook w set w.url = :url where w.id = :id")
                    .setParameter("url", local).setParameter("id", id).executeUpdate());
            Api.createSubcommittee();
            sequencer.catchUp();
            assertEquals(1, dispatcher.serve(id));
            assertEquals(List.of(), receiver.requests());
            io.restassured.RestAssured.given().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                    .body("items[0].status", equalTo("PENDING"))
                    .body("items[0].lastError", equalTo("not sent: the url must not be a loopback, private, link-local "
                            + "or multicast address (127.0.0.1 is 127.0.0.1)"))
                    .body("items[0].lastResponseStatus", equalTo(null));
        } finally {
            io.restassured.RestAssured.given().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        }
    }
}
