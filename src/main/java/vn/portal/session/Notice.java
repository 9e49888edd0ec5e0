package vn.portal.session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import vn.portal.member.Member;

/**
 * Thông báo kết luận: the notice sent out after a session, as a Word document: the subcommittee,
 * the session's number, title, time, place, chair and attendance, then its conclusions in order,
 * grouped by agenda item (those of no item last). Times read in Asia/Ho_Chi_Minh.
 */
final class Notice {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy").withZone(HANOI);
    private static final String FONT = "Times New Roman";

    /** The session's subcommittee, its agenda by position and its conclusions by id. */
    record Content(String subcommitteeName, Session session, Member chair, List<AgendaItem> agenda,
            List<Conclusion> conclusions, Map<Long, String> memberNames) {
    }

    private Notice() {
    }

    static byte[] write(Content c) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Session s = c.session();
            line(doc, c.subcommitteeName().toUpperCase(java.util.Locale.forLanguageTag("vi")), true, ParagraphAlignment.CENTER, 13);
            line(doc, "THÔNG BÁO KẾT LUẬN", true, ParagraphAlignment.CENTER, 16);
            line(doc, "Phiên họp thứ " + s.number + ": " + s.title, true, ParagraphAlignment.CENTER, 13);
            line(doc, "Thời gian: " + WHEN.format(s.startsAt) + (s.endsAt == null ? "" : " đến " + WHEN.format(s.endsAt)),
                    false, ParagraphAlignment.LEFT, 13);
            line(doc, "Địa điểm: " + (s.location == null ? "—" : s.location), false, ParagraphAlignment.LEFT, 13);
            line(doc, "Chủ trì: " + (c.chair() == null ? "—" : c.chair().fullName + (c.chair().position == null ? ""
                    : ", " + c.chair().position)), false, ParagraphAlignment.LEFT, 13);
            SessionView.Counts counts = SessionView.Counts.of(s.attendees);
            line(doc, "Thành phần: " + counts.present() + "/" + counts.invited() + " thành viên có mặt; "
                    + counts.excused() + " vắng có lý do; " + counts.absent() + " vắng.", false, ParagraphAlignment.LEFT, 13);
            line(doc, "KẾT LUẬN", true, ParagraphAlignment.LEFT, 13);
            int number = 0;
            for (AgendaItem item : c.agenda()) {
                List<Conclusion> under = c.conclusions().stream().filter(k -> item.id.equals(k.agendaItemId)).toList();
                if (!under.isEmpty()) {
                    line(doc, item.position + ". " + item.title, true, ParagraphAlignment.LEFT, 13);
                    number = conclusions(doc, under, c.memberNames(), number);
                }
            }
            List<Conclusion> loose = c.conclusions().stream().filter(k -> k.agendaItemId == null).toList();
            if (!loose.isEmpty()) {
                if (number > 0) {
                    line(doc, "Các kết luận khác", true, ParagraphAlignment.LEFT, 13);
                }
                conclusions(doc, loose, c.memberNames(), number);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int conclusions(XWPFDocument doc, List<Conclusion> conclusions, Map<Long, String> names, int number) {
        for (Conclusion k : conclusions) {
            number++;
            StringBuilder text = new StringBuilder().append(number).append(". ").append(k.text);
            if (k.kind == ConclusionKind.TASK) {
                text.append(" (").append(k.role == vn.portal.responsibility.ResponsibilityRole.SUPPORT ? "Phối hợp" : "Chủ trì")
                        .append(": ").append(names.getOrDefault(k.memberId, "—")).append("; ").append(k.area)
                        .append(" / ").append(k.documentSection).append(k.dueOn == null ? "" : "; hạn " + date(k))
                        .append(')');
            } else if (k.kind == ConclusionKind.MILESTONE) {
                text.append(" (").append(k.title).append("; hạn ").append(date(k)).append(')');
            }
            line(doc, text.toString(), false, ParagraphAlignment.BOTH, 13);
        }
        return number;
    }

    private static String date(Conclusion k) {
        return DateTimeFormatter.ofPattern("dd/MM/yyyy").format(k.dueOn);
    }

    private static void line(XWPFDocument doc, String text, boolean bold, ParagraphAlignment alignment, int size) {
        XWPFParagraph paragraph = doc.createParagraph();
        paragraph.setAlignment(alignment);
        paragraph.setSpacingAfter(120);
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
    }
}
