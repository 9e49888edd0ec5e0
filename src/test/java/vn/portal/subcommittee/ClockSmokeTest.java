package vn.portal.subcommittee;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.portal.support.Api;
import vn.portal.support.FixedClock;

@QuarkusTest
class ClockSmokeTest {

    @BeforeEach
    void fixToday() {
        FixedClock.installToday(LocalDate.of(2020, 2, 23));
    }

    @Test
    void overdueFollowsTheFixedClock() {
        long sid = Api.createSubcommittee();
        long id = Api.createMilestone(sid, "2020-02-22", Map.of());
        io.restassured.RestAssured.get("/api/v1/milestones/" + id).then().statusCode(200).body("overdue", equalTo(true));
        long later = Api.createMilestone(sid, "2020-02-23", Map.of());
        io.restassured.RestAssured.get("/api/v1/milestones/" + later).then().body("overdue", equalTo(false));
    }
}
