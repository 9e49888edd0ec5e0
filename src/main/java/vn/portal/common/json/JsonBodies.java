package vn.portal.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.ProblemException;
import vn.portal.common.web.BodyLimits;

/**
 * Reads request bodies as JSON trees with our own, stricter parser, so that every way a body can
 * be broken (not JSON, invalid UTF-8, trailing garbage, duplicate keys, absurd nesting) is
 * answered with a precise {@code MALFORMED_JSON} rather than whatever a binder would say.
 */
@ApplicationScoped
public class JsonBodies {

    @Inject
    ObjectMapper base;

    private ObjectMapper strict;

    @PostConstruct
    void init() {
        strict = base.copy()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    public JsonNode read(byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw malformed("The body is empty; a JSON object is expected.");
        }
        if (raw.length > BodyLimits.MAX_JSON_BYTES) {
            // EarlyLimits refuses such a body as it arrives; this holds should a request ever bypass it
            throw BodyLimits.jsonTooLarge();
        }
        JsonNode node;
        try {
            node = strict.readTree(utf8(raw));
        } catch (StreamConstraintsException e) {
            throw malformed("The JSON is nested too deeply or holds a value that is too long.");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw malformed("The body is not valid JSON in UTF-8" + where + ": " + plain(e.getOriginalMessage()));
        } catch (IOException e) {
            throw malformed("The body is not valid JSON in UTF-8.");
        }
        if (node == null || node.isMissingNode()) {
            throw malformed("The body is empty; a JSON object is expected.");
        }
        return node;
    }

    /**
     * The body as text, decoded strictly: Jackson's own decoder takes overlong forms ({@code C0 AF}
     * for "/") and encoded surrogates, and guesses UTF-16 or UTF-32 from the first bytes, where the
     * contract takes UTF-8 only. A leading byte order mark is skipped, as Jackson did.
     */
    private static String utf8(byte[] raw) {
        ByteBuffer bytes = ByteBuffer.wrap(raw);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw malformed("The body is not valid UTF-8 (byte " + (bytes.position() + 1) + ").");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Jackson's own words, without anything that would name our classes. */
    private static String plain(String message) {
        if (message == null) {
            return "unreadable input";
        }
        String firstLine = message.lines().findFirst().orElse("");
        int cut = firstLine.indexOf(" (for ");
        String text = cut >= 0 ? firstLine.substring(0, cut) : firstLine;
        return text.contains("`") || text.contains("java.") || text.contains("com.") ? "unreadable input" : text;
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(ErrorCode.MALFORMED_JSON, detail);
    }

    /** An action's body may be left out; when sent, it must be a JSON object of the action's fields. */
    public void optional(byte[] raw, BodySpec<?, ?> spec) {
        if (raw != null && raw.length > 0) {
            spec.parseCreate(read(raw));
        }
    }
}
