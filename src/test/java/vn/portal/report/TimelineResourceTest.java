package vn.portal.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.portal.support.Api;
import vn.portal.support.FixedClock;

@QuarkusTest
class TimelineResourceTest {

    private static final LocalDate TODAY = LocalDate.of(2020, 3, 1);
    private static final String TRICKY = "Số liệu <bảng biểu> & \"Phụ lục\" khối Quốc phòng – An ninh";

    private long sid;
    private long figures;
    private long draft;
    private long later;

    @BeforeEach
    void aPlanAroundTheFirstOfMarch2020() {
        FixedClock.installToday(TODAY);
        sid = Api.createSubcommittee();
        Api.createMilestone(sid, "2020-02-20", Map.of("title", "Thông qua Quy chế làm việc", "status", "DONE"));
        figures = Api.createMilestone(sid, "2020-02-22", Map.of("title", TRICKY, "status", "IN_PROGRESS"));
        draft = Api.createMilestone(sid, "2020-03-16", Map.of("title", "Dự thảo 1 báo cáo chính trị"));
        later = Api.createMilestone(sid, "2020-05-15", Map.of("title", "Dự thảo 2", "status", "CANCELLED"));
    }

    private String timeline() {
        return "/api/v1/subcommittees/" + sid + "/timeline.svg";
    }

    private static Document parse(byte[] svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(new ByteArrayInputStream(svg));
    }

    private Document draw(String query) throws Exception {
        byte[] body = given().accept(ReportResource.SVG).get(timeline() + query).then().statusCode(200)
                .contentType(ReportResource.SVG).extract().asByteArray();
        return parse(body);
    }

    private static List<Element> marks(Document svg) {
        List<Element> marks = new ArrayList<>();
        NodeList groups = svg.getElementsByTagNameNS(Svg.NAMESPACE, "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").startsWith("milestone")) {
                marks.add(g);
            }
        }
        return marks;
    }

    private static List<Long> markedIds(Document svg) {
        return marks(svg).stream().map(g -> Long.parseLong(g.getAttribute("id").substring("milestone-".length()))).toList();
    }

    private static List<String> texts(Document svg) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = svg.getElementsByTagNameNS(Svg.NAMESPACE, "text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    void isAnSvg11DocumentWithOneMarkPerMilestone() throws Exception {
        Document svg = draw("");
        Element root = svg.getDocumentElement();
        assertEquals(Svg.NAMESPACE, root.getNamespaceURI());
        assertEquals("svg", root.getLocalName());
        assertEquals("1.1", root.getAttribute("version"));
        int height = Integer.parseInt(root.getAttribute("height"));
        assertEquals("0 0 " + root.getAttribute("width") + " " + height, root.getAttribute("viewBox"));
        assertEquals(4, markedIds(svg).size());
        assertTrue(markedIds(svg).containsAll(List.of(figures, draft, later)));
        assertTrue(texts(svg).containsAll(List.of("Kế hoạch", "Đang thực hiện", "Hoàn thành", "Đã hủy", "Quá hạn",
                "Hôm nay")), "the legend");
        assertTrue(texts(svg).containsAll(List.of("03/2020", "04/2020", "05/2020")), "month ticks: " + texts(svg));
    }

    @Test
    void escapedTitlesRoundTripAndOverdueOnesAreMarked() throws Exception {
        Document svg = draw("");
        assertTrue(texts(svg).contains(TRICKY), texts(svg).toString());
        assertTrue(texts(svg).contains("22/02/2020"));
        Element overdue = marks(svg).stream().filter(g -> g.getAttribute("id").equals("milestone-" + figures))
                .findFirst().orElseThrow();
        assertEquals("milestone overdue", overdue.getAttribute("class"));
        assertTrue(overdue.getTextContent().contains("quá hạn"));
        assertEquals(TRICKY + " – hạn 22/02/2020 – Đang thực hiện – quá hạn",
                overdue.getElementsByTagNameNS(Svg.NAMESPACE, "title").item(0).getTextContent(), "its tooltip");
        assertEquals(1, marks(svg).stream().filter(g -> g.getAttribute("class").contains("overdue")).count());
    }

    @Test
    void todayIsALineOnTheAxis() throws Exception {
        Document svg = draw("");
        NodeList groups = svg.getElementsByTagNameNS(Svg.NAMESPACE, "g");
        Element today = null;
        for (int i = 0; i < groups.getLength(); i++) {
            if (((Element) groups.item(i)).getAttribute("class").equals("today")) {
                today = (Element) groups.item(i);
            }
        }
        assertTrue(today != null, "a today group");
        Element line = (Element) today.getElementsByTagNameNS(Svg.NAMESPACE, "line").item(0);
        assertEquals(line.getAttribute("x1"), line.getAttribute("x2"));
        assertTrue(today.getTextContent().contains("01/03/2020"));
        assertTrue(line.getAttribute("stroke-dasharray").isEmpty(), "today lies inside the axis");
    }

    @Test
    void fromAndToNarrowTheAxis() throws Exception {
        Document svg = draw("?from=2020-02-21&to=2020-03-31");
        assertEquals(List.of(figures, draft), markedIds(svg));
        assertTrue(texts(svg).stream().anyMatch(t -> t.startsWith("Từ 21/02/2020 đến 31/03/2020")));
        assertEquals(List.of(later), markedIds(draw("?from=2020-04-01")));
        assertEquals(List.of(), markedIds(draw("?to=2020-01-31")));
    }

    @Test
    void fiftyMilestonesGrowTheHeight() throws Exception {
        int before = Integer.parseInt(draw("").getDocumentElement().getAttribute("height"));
        for (int i = 0; i < 50; i++) {
            Api.createMilestone(sid, LocalDate.of(2020, 3, 1).plusDays(i).toString(), Map.of());
        }
        Document svg = draw("");
        assertEquals(54, markedIds(svg).size());
        assertEquals(before + 50 * Timeline.ROW, Integer.parseInt(svg.getDocumentElement().getAttribute("height")));
    }

    @Test
    void badBoundsAreRefused() {
        given().queryParam("from", "2020-02-30").get(timeline()).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("from"));
        given().queryParam("to", "tomorrow").get(timeline()).then().statusCode(400)
                .body("errors.field", hasItem("to"));
        given().queryParam("from", "2020-03-02").queryParam("to", "2020-03-01").get(timeline()).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem("to"));
        given().queryParam("since", "2020-03-01").get(timeline()).then().statusCode(400);
    }

    @Test
    void whoMayReadTheSubcommitteeMayReadItsTimeline() {
        long user = Api.createUser();
        String username = Api.usernameOf(user);
        Api.as(username).accept(ReportResource.SVG).get(timeline()).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        Api.createMember(sid, Map.of("role", "MEMBER", "userId", user));
        Api.as(username).accept(ReportResource.SVG).get(timeline()).then().statusCode(200);
        given().get("/api/v1/subcommittees/987654321/timeline.svg").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }
}
