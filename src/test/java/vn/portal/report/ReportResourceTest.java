package vn.portal.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.portal.support.Api;
import vn.portal.support.FixedClock;

@QuarkusTest
class ReportResourceTest {

    private static final LocalDate TODAY = LocalDate.of(2020, 2, 25);
    private static final String TITLE = "Số liệu, bảng biểu khối Kinh tế – \"Đợt 1\" <&>";

    private long sid;
    private long milestone;
    private long responsibility;
    private long submission;

    @BeforeEach
    void aSubcommitteeWithAPlan() {
        FixedClock.installToday(TODAY);
        sid = Api.createSubcommittee();
        long member = Api.createMember(sid, Map.of("fullName", "Trần Thị Hồng Nhung"));
        responsibility = Api.createResponsibility(sid, member, "Văn hóa – Xã hội", "Báo cáo chính trị / Phần II", "LEAD");
        long other = Api.createResponsibility(sid, member, "Kinh tế", "Báo cáo chính trị / Phần I", "LEAD");
        milestone = Api.createMilestone(sid, "2020-02-22", Map.of("title", TITLE,
                "responsibilityIds", List.of(responsibility, other)));
        Api.createMilestone(sid, "2020-03-16", Map.of("title", "Dự thảo 1 báo cáo chính trị", "status", "IN_PROGRESS"));
        submission = Api.createSubmission(milestone, responsibility, Map.of("title", "Bảng biểu Văn hóa – Xã hội"));
        Api.moveSubmission(submission, "SUBMITTED");
        Api.createComment(submission, "Đề nghị bổ sung số liệu về giáo dục, y tế năm 2019.");
    }

    private String report() {
        return "/api/v1/subcommittees/" + sid + "/report.xlsx";
    }

    private static XSSFWorkbook read(Response response) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()));
    }

    private XSSFWorkbook workbook() throws IOException {
        Response response = given().get(report());
        response.then().statusCode(200)
                .contentType(ReportResource.XLSX)
                .header("Content-Disposition", equalTo("attachment; filename=\"report-" + sid + ".xlsx\""));
        return read(response);
    }

    @Test
    void hasTheFiveSheetsWithBoldFrozenHeaders() throws IOException {
        try (XSSFWorkbook book = workbook()) {
            List<String> names = new ArrayList<>();
            book.forEach(sheet -> names.add(sheet.getSheetName()));
            assertEquals(List.of("Milestones", "Responsibilities", "Submissions", "Missing submissions", "Comments"), names);
            for (Sheet sheet : book) {
                Row header = sheet.getRow(0);
                assertTrue(header.getLastCellNum() > 3, sheet.getSheetName());
                for (Cell cell : header) {
                    String name = sheet.getSheetName() + " " + cell.getStringCellValue();
                    assertTrue(book.getFontAt(cell.getCellStyle().getFontIndex()).getBold(), name);
                    int width = sheet.getColumnWidth(cell.getColumnIndex());
                    assertTrue(width >= cell.getStringCellValue().length() * 256 && width <= 60 * 256, name + " " + width);
                }
                PaneInformation pane = sheet.getPaneInformation();
                assertNotNull(pane, sheet.getSheetName());
                assertTrue(pane.isFreezePane());
                assertEquals(1, pane.getHorizontalSplitPosition());
                assertEquals(0, pane.getVerticalSplitPosition());
            }
        }
    }

    @Test
    void datesAndNumbersAreRealCellsAndVietnameseRoundTrips() throws IOException {
        try (XSSFWorkbook book = workbook()) {
            Sheet plan = book.getSheet("Milestones");
            assertEquals("Hạn", cellNamed(plan, "Hạn").getStringCellValue());
            Row first = plan.getRow(1);
            Cell id = first.getCell(0);
            assertEquals(CellType.NUMERIC, id.getCellType());
            assertEquals(milestone, (long) id.getNumericCellValue());
            assertEquals(TITLE, first.getCell(1).getStringCellValue());
            Cell due = first.getCell(cellNamed(plan, "Hạn").getColumnIndex());
            assertEquals(CellType.NUMERIC, due.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(due));
            assertEquals(LocalDateTime.of(2020, 2, 22, 0, 0), due.getLocalDateTimeCellValue());
            Cell overdue = first.getCell(cellNamed(plan, "Quá hạn").getColumnIndex());
            assertEquals(CellType.BOOLEAN, overdue.getCellType());
            assertTrue(overdue.getBooleanCellValue());
            assertEquals(2, (int) first.getCell(cellNamed(plan, "Số phân công").getColumnIndex()).getNumericCellValue());

            Sheet handedIn = book.getSheet("Submissions");
            Row row = handedIn.getRow(1);
            assertEquals(submission, (long) row.getCell(0).getNumericCellValue());
            assertEquals("SUBMITTED", row.getCell(cellNamed(handedIn, "Trạng thái").getColumnIndex()).getStringCellValue());
            Cell submittedAt = row.getCell(cellNamed(handedIn, "Nộp lần đầu lúc").getColumnIndex());
            assertTrue(DateUtil.isCellDateFormatted(submittedAt));
            assertEquals(TODAY, submittedAt.getLocalDateTimeCellValue().toLocalDate());

            Sheet tasks = book.getSheet("Responsibilities");
            assertEquals("Trần Thị Hồng Nhung",
                    tasks.getRow(1).getCell(cellNamed(tasks, "Họ và tên").getColumnIndex()).getStringCellValue());
            assertEquals("Văn hóa – Xã hội",
                    tasks.getRow(1).getCell(cellNamed(tasks, "Khối ngành, lĩnh vực").getColumnIndex()).getStringCellValue());

            Sheet comments = book.getSheet("Comments");
            assertEquals("Đề nghị bổ sung số liệu về giáo dục, y tế năm 2019.",
                    comments.getRow(1).getCell(cellNamed(comments, "Nội dung").getColumnIndex()).getStringCellValue());
        }
    }

    @Test
    void rowsMatchWhatTheApiLists() throws IOException {
        try (XSSFWorkbook book = workbook()) {
            assertEquals(ids("/milestones"), column(book.getSheet("Milestones"), 0));
            assertEquals(ids("/responsibilities"), column(book.getSheet("Responsibilities"), 0));
            assertEquals(given().queryParam("subcommitteeId", sid).get("/api/v1/submissions").then().statusCode(200)
                    .extract().jsonPath().getList("items.id", Long.class), column(book.getSheet("Submissions"), 0));
            List<Long> missing = given().get("/api/v1/subcommittees/" + sid + "/missing-submissions").then()
                    .statusCode(200).extract().jsonPath().getList("items.responsibilityId", Long.class);
            assertEquals(1, missing.size());
            assertEquals(missing, column(book.getSheet("Missing submissions"), 4));
            assertEquals(given().get("/api/v1/submissions/" + submission + "/comments").then().statusCode(200)
                    .extract().jsonPath().getList("items.id", Long.class), column(book.getSheet("Comments"), 0));
        }
    }

    @Test
    void readsEveryRowPastOneBatch() throws IOException {
        int many = ReportService.BATCH + 7;
        for (int i = 0; i < many; i++) {
            Api.createMilestone(sid, LocalDate.of(2020, 4, 1).plusDays(i % 40).toString(), Map.of());
        }
        try (XSSFWorkbook book = workbook()) {
            List<Long> listed = new ArrayList<>();
            for (int page = 0; page * 100 < many + 2; page++) {
                listed.addAll(given().queryParam("size", 100).queryParam("page", page)
                        .get("/api/v1/subcommittees/" + sid + "/milestones").then().statusCode(200).extract()
                        .jsonPath().getList("items.id", Long.class));
            }
            assertEquals(many + 2, listed.size());
            assertEquals(listed, column(book.getSheet("Milestones"), 0));
        }
    }

    @Test
    void aTextLongerThanACellTakesIsCutAtACellsLimitNotRefused() throws IOException {
        // 20,000 code points, the most a comment takes, are 40,000 UTF-16 units: more than a cell holds
        String longest = "\uD83D\uDCCA".repeat(20_000);
        Api.createComment(submission, longest);
        try (XSSFWorkbook book = workbook()) {
            Sheet comments = book.getSheet("Comments");
            int body = cellNamed(comments, "Nội dung").getColumnIndex();
            String cut = comments.getRow(2).getCell(body).getStringCellValue();
            assertEquals(32_767, cut.length(), "cut to a cell's limit, the ellipsis included");
            assertTrue(cut.endsWith("\uD83D\uDCCA…"), "no half of a surrogate pair is left");
        }
    }

    @Test
    void memberMayReadOutsiderMayNot() throws IOException {
        long user = Api.createUser();
        String username = Api.usernameOf(user);
        Api.as(username).accept(ReportResource.XLSX).get(report()).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        Api.createMember(sid, Map.of("role", "MEMBER", "userId", user));
        Response response = Api.as(username).accept(ReportResource.XLSX).get(report());
        response.then().statusCode(200);
        try (XSSFWorkbook book = read(response)) {
            assertEquals(2, book.getSheet("Milestones").getLastRowNum());
        }
    }

    @Test
    void unknownSubcommitteeIsNotFound() {
        given().get("/api/v1/subcommittees/987654321/report.xlsx").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void noLoginIsUnauthenticated() {
        given().auth().none().get(report()).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    private List<Long> ids(String list) {
        return given().queryParam("size", 100).get("/api/v1/subcommittees/" + sid + list).then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class);
    }

    private static List<Long> column(Sheet sheet, int index) {
        List<Long> values = new ArrayList<>();
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            values.add((long) sheet.getRow(i).getCell(index).getNumericCellValue());
        }
        return values;
    }

    private static Cell cellNamed(Sheet sheet, String header) {
        for (Cell cell : sheet.getRow(0)) {
            if (cell.getStringCellValue().equals(header)) {
                return cell;
            }
        }
        throw new AssertionError("no column " + header + " in " + sheet.getSheetName());
    }
}
