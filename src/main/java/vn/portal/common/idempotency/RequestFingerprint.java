package vn.portal.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * What makes two requests "the same" for an Idempotency-Key: the method, the path with its query,
 * and the body compared as parsed values: JSON with its members in any order, spacing or number
 * spelling ({@code 1.0} is {@code 1}); a multipart body by its part names, file names and the
 * files' SHA-256, not by its boundary. Headers (If-Match among them) are not part of it.
 */
@ApplicationScoped
class RequestFingerprint {

    @Inject
    ObjectMapper mapper;

    /** SHA-256, hex, of the request a resource method was called with. */
    String of(String method, String pathAndQuery, InvocationContext invocation) {
        StringBuilder canonical = new StringBuilder(method).append(' ').append(pathAndQuery).append('\n');
        Method target = invocation.getMethod();
        Object[] arguments = invocation.getParameters();
        Parameter[] parameters = target.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            Object argument = arguments[i];
            RestForm part = parameters[i].getAnnotation(RestForm.class);
            if (part != null) {
                String name = part.value().isEmpty() ? parameters[i].getName() : part.value();
                for (FileUpload file : files(argument)) {
                    canonical.append("part ").append(name).append(' ').append(file.fileName()).append(' ')
                            .append(sha256(file)).append('\n');
                }
            } else if (argument instanceof byte[] body && isEntity(parameters[i])) {
                canonical.append("body ").append(canonicalJson(body)).append('\n');
            }
        }
        return hex(digest().digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The entity parameter is the one without a JAX-RS annotation. */
    private static boolean isEntity(Parameter parameter) {
        for (Annotation annotation : parameter.getAnnotations()) {
            if (annotation.annotationType().getPackageName().startsWith("jakarta.ws.rs")
                    || annotation.annotationType().getPackageName().startsWith("org.jboss.resteasy.reactive")) {
                return false;
            }
        }
        return true;
    }

    private static Collection<FileUpload> files(Object argument) {
        if (argument instanceof FileUpload file) {
            return List.of(file);
        }
        if (argument instanceof Collection<?> many) {
            List<FileUpload> files = new ArrayList<>();
            many.stream().filter(FileUpload.class::isInstance).map(FileUpload.class::cast).forEach(files::add);
            return files;
        }
        return List.of();
    }

    /**
     * JSON in a canonical spelling; a body that is not JSON counts by its bytes (it is refused
     * all the same, and the refusal is what gets replayed).
     */
    String canonicalJson(byte[] body) {
        if (body.length == 0) {
            return "empty";
        }
        try {
            ObjectReader reader = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
            JsonNode parsed = reader.readTree(body);
            StringBuilder out = new StringBuilder("json ");
            write(parsed, out);
            return out.toString();
        } catch (IOException notJson) {
            return "bytes " + hex(digest().digest(body));
        }
    }

    private void write(JsonNode node, StringBuilder out) throws JsonProcessingException {
        if (node == null || node.isMissingNode()) {
            out.append("missing");
        } else if (node.isObject()) {
            Map<String, JsonNode> members = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> member = it.next();
                members.put(member.getKey(), member.getValue());
            }
            out.append('{');
            for (Map.Entry<String, JsonNode> member : members.entrySet()) {
                out.append(mapper.writeValueAsString(member.getKey())).append(':');
                write(member.getValue(), out);
                out.append(',');
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (JsonNode element : node) {
                write(element, out);
                out.append(',');
            }
            out.append(']');
        } else if (node.isNumber()) {
            out.append(number(node));
        } else {
            out.append(mapper.writeValueAsString(node));
        }
    }

    private static String number(JsonNode node) {
        try {
            BigDecimal value = node.decimalValue().stripTrailingZeros();
            return value.signum() == 0 ? "0" : value.toPlainString();
        } catch (NumberFormatException notFinite) {
            return node.asText();
        }
    }

    private static String sha256(FileUpload file) {
        MessageDigest digest = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file.uploadedFile()), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
