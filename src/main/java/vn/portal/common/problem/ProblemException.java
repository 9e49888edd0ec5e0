package vn.portal.common.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal that carries its HTTP status and contract `code`; the one mapper turns it into
 * problem+json. Rules throw these through the named factories below.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String code, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(int status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public ProblemException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "NOT_FOUND", detail);
    }

    /** A rule of the domain refused the change: 409 with the rule's name as `code`. */
    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(409, code, detail);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid.";
        return new ProblemException(400, "VALIDATION_FAILED", detail, errors);
    }

    public static ProblemException preconditionFailed() {
        return new ProblemException(412, "PRECONDITION_FAILED",
                "If-Match does not match the current ETag: the resource changed since it was read. Nothing was changed.");
    }

    public static ProblemException concurrentModification() {
        return new ProblemException(409, "CONCURRENT_MODIFICATION",
                "Another request changed this resource at the same time. Read it again and retry.");
    }
}
