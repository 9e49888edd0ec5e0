package vn.portal.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import vn.portal.support.Webhooks;

/**
 * Real objects for one operation's path to name, made by the admin through the API, so that
 * malformed requests get as far as the resource: a subcommittee with a member, two
 * responsibilities, a milestone expecting both, a DRAFT submission with an attachment, a
 * SUBMITTED one with a comment, a user and a PLANNED session that invited the member, with an agenda item and a
 * conclusion; for the webhooks' paths, a webhook with a delivery (see {@link Webhooks#delivered}).
 */
final class Fixture {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The smallest PNG header FileTypes takes as a PNG. */
    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0 };

    final long subcommittee;
    final long member;
    final long responsibility;
    final long otherResponsibility;
    final long milestone;
    final long draft;
    final long submitted;
    final long attachment;
    final long comment;
    final long user;
    final long session;
    final long agendaItem;
    final long conclusion;
    private final String unique;
    /** Made the first time a path names a webhook: most operations name none. */
    private Webhooks.Delivered webhook;

    Fixture(Wire wire, String unique) {
        this.unique = unique;
        subcommittee = create(wire, "/api/v1/subcommittees", Map.of("code", "FZ-" + unique, "name", "Tiểu ban thử " + unique,
                "kind", "DOCUMENTS", "congress", "Đại hội XXV", "termStart", 2020, "termEnd", 2025));
        member = create(wire, "/api/v1/subcommittees/" + subcommittee + "/members",
                Map.of("fullName", "Nguyễn Văn " + unique, "role", "MEMBER", "email", "fz" + unique + "@thanhuy.vn"));
        responsibility = create(wire, "/api/v1/subcommittees/" + subcommittee + "/responsibilities", Map.of("memberId", member,
                "area", "Kinh tế", "documentSection", "Phần I", "title", "Số liệu " + unique, "role", "LEAD"));
        otherResponsibility = create(wire, "/api/v1/subcommittees/" + subcommittee + "/responsibilities", Map.of("memberId",
                member, "area", "Văn hóa", "documentSection", "Phần II", "title", "Văn hóa " + unique, "role", "LEAD"));
        milestone = create(wire, "/api/v1/subcommittees/" + subcommittee + "/milestones", Map.of("title", "Mốc " + unique,
                "dueOn", "2020-02-22", "responsibilityIds", List.of(responsibility, otherResponsibility)));
        draft = create(wire, "/api/v1/milestones/" + milestone + "/submissions",
                Map.of("responsibilityId", responsibility, "title", "Bản nháp " + unique));
        submitted = create(wire, "/api/v1/milestones/" + milestone + "/submissions",
                Map.of("responsibilityId", otherResponsibility, "title", "Bản nộp " + unique));
        send(wire, new Case("fixture", "fixture").method("POST").path("/api/v1/submissions/" + submitted + "/submit"));
        comment = create(wire, "/api/v1/submissions/" + submitted + "/comments", Map.of("body", "Góp ý " + unique));
        Case upload = new Case("fixture", "fixture").method("POST").path("/api/v1/submissions/" + draft + "/attachments");
        upload.header("Content-Type", "multipart/form-data; boundary=fzb").body(multipart("fzb", "file", "a.png", PNG));
        attachment = id(send(wire, upload));
        session = create(wire, "/api/v1/subcommittees/" + subcommittee + "/sessions", Map.of("title", "Phiên họp " + unique,
                "startsAt", "2020-02-20T08:00:00+07:00"));
        agendaItem = create(wire, "/api/v1/sessions/" + session + "/agenda-items", Map.of("title", "Khai mạc " + unique));
        conclusion = create(wire, "/api/v1/sessions/" + session + "/conclusions", Map.of("kind", "DECISION",
                "text", "Thông qua " + unique));
        user = create(wire, "/api/v1/users", Map.of("username", "fz" + unique, "password", "mật-khẩu-fuzz-2020"));
    }

    /** The id a path parameter names, by the collection it follows in the template. */
    long idFor(String template, String parameter) {
        if (parameter.equals("aid")) {
            return attachment;
        }
        if (parameter.equals("deliveryId")) {
            return webhook().delivery();
        }
        if (parameter.equals("memberId")) {
            return member;
        }
        String before = template.substring(0, template.indexOf("{" + parameter + "}"));
        String collection = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
        return switch (collection) {
            case "subcommittees" -> subcommittee;
            case "members" -> member;
            case "responsibilities" -> responsibility;
            case "milestones" -> milestone;
            // the review actions and comments need a submitted one; everything else a draft
            case "submissions" -> template.matches(".*/(return|accept|comments)$") ? submitted : draft;
            case "comments" -> comment;
            case "users" -> user;
            case "webhooks" -> webhook().webhook();
            case "sessions" -> session;
            case "agenda-items" -> agendaItem;
            case "conclusions" -> conclusion;
            default -> throw new IllegalStateException("FuzzTest has no fixture for {" + parameter + "} in " + template
                    + ": add one to Fixture");
        };
    }

    /** The template with every parameter replaced by its fixture's id. */
    String fill(String template) {
        String path = template;
        for (String parameter : List.of("id", "sid", "mid", "aid", "deliveryId", "memberId")) {
            if (path.contains("{" + parameter + "}")) {
                path = path.replace("{" + parameter + "}", Long.toString(idFor(template, parameter)));
            }
        }
        if (path.contains("{")) {
            throw new IllegalStateException("FuzzTest cannot fill the parameters of " + template + ": add them to Fixture");
        }
        return path;
    }

    private Webhooks.Delivered webhook() {
        if (webhook == null) {
            webhook = Webhooks.delivered();
        }
        return webhook;
    }

    /** A value unique to this fixture and call, for codes, e-mails and user names. */
    String unique() {
        return unique;
    }

    static byte[] multipart(String boundary, String part, String fileName, byte[] bytes) {
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bytes, 0, all, head.length, bytes.length);
        System.arraycopy(tail, 0, all, head.length + bytes.length, tail.length);
        return all;
    }

    private static long create(Wire wire, String path, Map<String, Object> body) {
        Case c = new Case("fixture", "fixture").method("POST").path(path).header("Content-Type", "application/json");
        try {
            c.body(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id(send(wire, c));
    }

    private static Wire.Answer send(Wire wire, Case c) {
        Wire.Answer answer = wire.send(c);
        if (answer.status() < 200 || answer.status() > 299) {
            throw new IllegalStateException("fixture request failed: " + c.describe() + "\n -> " + answer.status() + " "
                    + answer.text() + " " + answer.failure());
        }
        return answer;
    }

    private static long id(Wire.Answer answer) {
        try {
            JsonNode json = JSON.readTree(answer.body());
            return json.path("id").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
