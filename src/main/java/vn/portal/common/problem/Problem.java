package vn.portal.common.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RFC 9457 body of every error the service produces. Extension members
 * (`conflictingId`, `allowedActions`, `errorId`) are written at the top level.
 */
@JsonPropertyOrder({ "type", "title", "status", "detail", "code", "errors" })
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final String title;
    private final int status;
    private final String detail;
    private final String code;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public Problem(String title, int status, String detail, String code, List<FieldError> errors,
            Map<String, Object> extensions) {
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.code = code;
        this.errors = List.copyOf(errors);
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** The body for a refusal; the title is the status's reason phrase. */
    public static Problem of(ProblemException e) {
        jakarta.ws.rs.core.Response.Status status = jakarta.ws.rs.core.Response.Status.fromStatusCode(e.status());
        return new Problem(status == null ? "Error" : status.getReasonPhrase(), e.status(), e.getMessage(), e.code(),
                e.errors(), e.extensions());
    }

    public String getType() {
        return "about:blank";
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public String getCode() {
        return code;
    }

    public List<FieldError> getErrors() {
        return errors;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtensions() {
        return extensions;
    }
}
