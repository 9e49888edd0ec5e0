package vn.portal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.portal.milestone.MilestoneStatus;
import vn.portal.milestone.MilestoneView;

class TimelineTest {

    private static final LocalDate TODAY = LocalDate.of(2020, 3, 1);

    private static MilestoneView due(long id, String dueOn, String title) {
        return new MilestoneView(id, 1, title, null, LocalDate.parse(dueOn), MilestoneStatus.PLANNED, null, List.of(),
                false, null, Instant.EPOCH, Instant.EPOCH, 0);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element group(Document svg, String className) {
        NodeList groups = svg.getElementsByTagNameNS(Svg.NAMESPACE, "g");
        for (int i = 0; i < groups.getLength(); i++) {
            if (((Element) groups.item(i)).getAttribute("class").equals(className)) {
                return (Element) groups.item(i);
            }
        }
        throw new AssertionError("no group " + className);
    }

    @Test
    void theDefaultAxisIsTheDueDatesPaddedByATwentiethAtLeastThreeDays() {
        Timeline near = new Timeline(List.of(due(1, "2020-02-20", "a"), due(2, "2020-02-22", "b")), TODAY, null, null, "x");
        assertEquals(LocalDate.of(2020, 2, 17), near.start());
        assertEquals(LocalDate.of(2020, 2, 25), near.end());
        Timeline far = new Timeline(List.of(due(1, "2020-01-01", "a"), due(2, "2021-12-31", "b")), TODAY, null, null, "x");
        assertEquals(LocalDate.of(2019, 11, 26), far.start());
        assertEquals(LocalDate.of(2022, 2, 5), far.end());
    }

    @Test
    void fromAndToAreTheAxisAsAsked() {
        Timeline asked = new Timeline(List.of(due(1, "2020-02-20", "a")), TODAY, LocalDate.of(2020, 2, 1),
                LocalDate.of(2020, 2, 29), "x");
        assertEquals(LocalDate.of(2020, 2, 1), asked.start());
        assertEquals(LocalDate.of(2020, 2, 29), asked.end());
        Timeline onlyFrom = new Timeline(List.of(), TODAY, LocalDate.of(2020, 2, 1), null, "x");
        assertTrue(onlyFrom.end().isAfter(onlyFrom.start()));
    }

    @Test
    void anEmptyPlanIsStillADrawingWithTodayOnIt() throws Exception {
        Document svg = parse(new Timeline(List.of(), TODAY, null, null, "Tiểu ban <trống>").render());
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        assertTrue(svg.getDocumentElement().getTextContent().contains("Không có mốc nào"));
        assertTrue(svg.getDocumentElement().getTextContent().contains("Tiểu ban <trống>"));
    }

    @Test
    void todayOutsideTheAxisIsADashedLineOnItsEdge() throws Exception {
        Document svg = parse(new Timeline(List.of(due(1, "2020-02-20", "a")), LocalDate.of(2026, 12, 5), null, null, "x")
                .render());
        Element today = group(svg, "today");
        Element line = (Element) today.getElementsByTagNameNS(Svg.NAMESPACE, "line").item(0);
        assertFalse(line.getAttribute("stroke-dasharray").isEmpty());
        assertTrue(today.getTextContent().contains("05/12/2026 →"));
    }

    @Test
    void longTitlesAreCutWithAnEllipsisAndControlCharactersDropped() throws Exception {
        String title = "Tọa đàm khoa học: kinh nghiệm lãnh đạo phát triển kinh tế - xã hội giai đoạn 2015–2020 và "
                + "định hướng nhiệm kỳ mới";
        Document svg = parse(new Timeline(List.of(due(1, "2020-02-20", title), due(2, "2020-02-21", "a\u0001b")), TODAY,
                null, null, "x").render());
        String text = svg.getDocumentElement().getTextContent();
        assertTrue(text.contains("Tọa đàm khoa học: kinh nghiệm lãnh đạo phát triển kinh tế - xã hội"), text);
        assertTrue(text.contains("…"));
        assertTrue(text.contains(title + " – hạn 20/02/2020"), "the whole title in the tooltip");
        assertTrue(text.contains("ab"));
    }
}
