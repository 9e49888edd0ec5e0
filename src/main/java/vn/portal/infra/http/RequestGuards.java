package vn.portal.infra.http;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.portal.common.problem.ErrorCode;
import vn.portal.common.problem.FieldError;
import vn.portal.common.problem.ProblemException;

/**
 * Checks every request before its resource method runs: its Content-Type, if any, is a media
 * type (a multipart one naming a usable boundary); the body is declared as UTF-8 if a charset is
 * named at all, and every query parameter is one the method declares (a typo in a filter must
 * not silently return everything). Sizes are checked earlier, by {@link EarlyLimits}.
 */
public class RequestGuards {

    /** RFC 2046: 1 to 70 of these characters, the last not a space. */
    private static final Pattern BOUNDARY = Pattern.compile("[0-9A-Za-z'()+_,./:=? -]{0,69}[0-9A-Za-z'()+_,./:=?-]");

    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void knownParametersOnly(ContainerRequestContext request, ResourceInfo resource) {
        MediaType type = mediaType(request);
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !StandardCharsets.UTF_8.name().equalsIgnoreCase(charset.strip())) {
            throw new ProblemException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Bodies are taken in UTF-8 only.");
        }
        if (type != null && "multipart".equalsIgnoreCase(type.getType())) {
            // the multipart parser fails outright on a boundary it cannot use (an empty one, say)
            String boundary = type.getParameters().get("boundary");
            if (boundary == null || !BOUNDARY.matcher(boundary).matches()) {
                throw ProblemException.invalid("Content-Type", "must name the multipart boundary: 1 to 70 characters (RFC 2046)");
            }
        }
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> allowed = declared.computeIfAbsent(method, RequestGuards::queryParameters);
        List<FieldError> errors = new ArrayList<>();
        request.getUriInfo().getQueryParameters().forEach((name, values) -> {
            if (!allowed.contains(name)) {
                errors.add(new FieldError(name, allowed.isEmpty() ? "is not a parameter of this endpoint (it takes none)"
                        : "is not a parameter of this endpoint; it takes " + String.join(", ", allowed)));
            } else if (values.size() > 1) {
                errors.add(new FieldError(name, "must be given at most once"));
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** The declared body type; a Content-Type that is no media type at all is refused, not failed on. */
    private static MediaType mediaType(ContainerRequestContext request) {
        try {
            return request.getMediaType();
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The Content-Type is not a media type.");
        }
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                }
            }
        }
        return Collections.unmodifiableSet(names);
    }
}
