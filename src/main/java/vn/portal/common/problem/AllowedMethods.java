package vn.portal.common.problem;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which methods a path takes, read once from the resource classes' own annotations: RESTEasy
 * Reactive answers a wrong method with a 405 that names none, and the contract wants {@code Allow}.
 */
@ApplicationScoped
public class AllowedMethods {

    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*\\w+\\s*(?::\\s*([^}]+))?}");

    private record Route(Pattern path, Set<String> methods) {
    }

    private volatile List<Route> routes;

    /** The comma-separated methods the path takes, or null when no resource has that path. */
    public String allowHeader(String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                methods.addAll(route.methods());
            }
        }
        if (methods.contains(HttpMethod.GET)) {
            methods.add(HttpMethod.HEAD);
        }
        return methods.isEmpty() ? null : String.join(", ", methods);
    }

    private List<Route> routes() {
        if (routes == null) {
            routes = scan();
        }
        return routes;
    }

    private static List<Route> scan() {
        Map<String, Set<String>> byTemplate = new LinkedHashMap<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod != null) {
                    Path methodPath = method.getAnnotation(Path.class);
                    String template = join(classPath.value(), methodPath == null ? "" : methodPath.value());
                    byTemplate.computeIfAbsent(template, t -> new TreeSet<>()).add(httpMethod);
                }
            }
        }
        List<Route> scanned = new ArrayList<>();
        byTemplate.forEach((template, methods) -> scanned.add(new Route(regex(template), methods)));
        return List.copyOf(scanned);
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static Pattern regex(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(template);
        int last = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(last, parameter.start())));
            regex.append('(').append(parameter.group(1) == null ? "[^/]+" : parameter.group(1).strip()).append(')');
            last = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?");
        return Pattern.compile(regex.toString());
    }
}
