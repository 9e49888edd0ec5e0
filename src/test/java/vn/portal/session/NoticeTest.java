package vn.portal.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import vn.portal.support.Api;

@QuarkusTest
class NoticeTest {

    @Test
    void theNoticeHoldsTheSessionAndItsConclusionsInOrderByAgendaItem() throws Exception {
        long sid = Api.createSubcommittee(Map.of("name", "Tiểu ban Văn kiện Đại hội"));
        long head = Api.createMember(sid, Map.of("role", "HEAD", "fullName", "Nguyễn Văn Nên", "position", "Bí thư Thành ủy"));
        long economy = Api.createMember(sid, Map.of("role", "MEMBER", "fullName", "Trần Thị Kinh"));
        long session = Api.createSession(sid, Map.of("title", "Phiên họp thứ nhất của Tiểu ban",
                "startsAt", "2020-02-20T08:00:00+07:00", "endsAt", "2020-02-20T11:30:00+07:00",
                "location", "Hội trường Thành ủy", "minutes", "Biên bản phiên họp thứ nhất."));
        String agenda = "/api/v1/sessions/" + session + "/agenda-items";
        long regulation = Api.json().body(Map.of("title", "Quy chế làm việc")).post(agenda).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long tasks = Api.json().body(Map.of("title", "Phân công nhiệm vụ")).post(agenda).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String conclusions = "/api/v1/sessions/" + session + "/conclusions";
        Api.json().body(Map.of("kind", "TASK", "text", "Giao khối Kinh tế hoàn thành số liệu, bảng biểu.",
                "agendaItemId", tasks, "memberId", economy, "area", "Kinh tế", "documentSection", "Báo cáo chính trị",
                "dueOn", "2020-02-22")).post(conclusions).then().statusCode(201);
        Api.json().body(Map.of("kind", "DECISION", "text", "Thông qua Quy chế làm việc của Tiểu ban.",
                "agendaItemId", regulation)).post(conclusions).then().statusCode(201);
        Api.json().body(Map.of("kind", "INFORMATION", "text", "Tiếp thu đầy đủ các ý kiến góp ý.")).post(conclusions)
                .then().statusCode(201);
        Api.json().body(Map.of("status", "PRESENT")).put("/api/v1/sessions/" + session + "/attendance/" + head)
                .then().statusCode(200);

        byte[] docx = given().accept(SessionResource.DOCX).get("/api/v1/sessions/" + session + "/notice.docx").then()
                .statusCode(200).contentType(startsWith(SessionResource.DOCX))
                .header("Content-Disposition", equalTo("attachment; filename=\"notice-session-" + session + ".docx\""))
                .extract().asByteArray();
        Path kept = Path.of("target", "notice-session.docx");
        Files.write(kept, docx);
        List<String> lines;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            lines = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
        }
        assertEquals(List.of(
                "TIỂU BAN VĂN KIỆN ĐẠI HỘI",
                "THÔNG BÁO KẾT LUẬN",
                "Phiên họp thứ 1: Phiên họp thứ nhất của Tiểu ban",
                "Thời gian: 08:00 ngày 20/02/2020 đến 11:30 ngày 20/02/2020",
                "Địa điểm: Hội trường Thành ủy",
                "Chủ trì: Nguyễn Văn Nên, Bí thư Thành ủy",
                "Thành phần: 1/2 thành viên có mặt; 0 vắng có lý do; 0 vắng.",
                "KẾT LUẬN",
                "1. Quy chế làm việc",
                "1. Thông qua Quy chế làm việc của Tiểu ban.",
                "2. Phân công nhiệm vụ",
                "2. Giao khối Kinh tế hoàn thành số liệu, bảng biểu. (Chủ trì: Trần Thị Kinh; Kinh tế / Báo cáo chính trị; "
                        + "hạn 22/02/2020)",
                "Các kết luận khác",
                "3. Tiếp thu đầy đủ các ý kiến góp ý."), lines);
        assertTrue(docx.length > 1000);
    }

    @Test
    void anUnknownSessionHasNoNotice() {
        given().accept(SessionResource.DOCX).get("/api/v1/sessions/9000000000/notice.docx").then()
                .spec(Api.problem(404, "NOT_FOUND"));
    }
}
