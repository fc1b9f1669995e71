package ru.repitbot.testsupport;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.ModelAttributeMethodProcessor;
import org.springframework.web.method.annotation.RequestHeaderMapMethodArgumentResolver;
import org.springframework.web.method.annotation.RequestHeaderMethodArgumentResolver;
import org.springframework.web.method.annotation.RequestParamMapMethodArgumentResolver;
import org.springframework.web.method.annotation.RequestParamMethodArgumentResolver;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.PathVariableMapMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.PathVariableMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestPartMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor;
import org.springframework.web.servlet.mvc.method.annotation.ServletCookieValueMethodArgumentResolver;

/**
 * The handler methods of a running servlet service and what each reads from a request (query, path, header and
 * cookie parameters, form or multipart fields), as the checkers compare them with the document
 * ({@link OpenApiConformance}, {@link ConsumerContracts}).
 */
final class ServiceHandlers {

    private static final Pattern REGEX_VARIABLE = Pattern.compile("\\{([^}:]+):[^}]*}");

    private final Map<RequestMappingInfo, HandlerMethod> handlers = new LinkedHashMap<>();
    private final List<HandlerMethodArgumentResolver> resolvers;

    ServiceHandlers(ApplicationContext context) {
        context.getBeansOfType(RequestMappingHandlerMapping.class).values()
                .forEach(mapping -> handlers.putAll(mapping.getHandlerMethods()));
        this.resolvers = context.getBean(RequestMappingHandlerAdapter.class).getArgumentResolvers();
    }

    /** The handlers serving {@code method} (lower or upper case) at the document's {@code path}. */
    Map<RequestMappingInfo, HandlerMethod> served(String path, String method) {
        return handlersOf(handlers, path, method);
    }

    /** What {@code handlers} read from a request, all together. */
    Reads reads(List<HandlerMethod> handlers) {
        Reads reads = new Reads();
        for (HandlerMethod handler : handlers) {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                read(parameter, resolvers, reads);
            }
        }
        return reads;
    }

    private static Map<RequestMappingInfo, HandlerMethod> handlersOf(Map<RequestMappingInfo, HandlerMethod> handlers,
            String path, String method) {
        Map<RequestMappingInfo, HandlerMethod> served = new LinkedHashMap<>();
        handlers.forEach((info, handler) -> {
            Set<String> patterns = info.getPathPatternsCondition() != null
                    ? info.getPathPatternsCondition().getPatternValues() : info.getPatternValues();
            boolean pathMatches = patterns.stream()
                    .anyMatch(p -> REGEX_VARIABLE.matcher(p).replaceAll("{$1}").equals(path));
            Set<org.springframework.web.bind.annotation.RequestMethod> methods = info.getMethodsCondition()
                    .getMethods();
            boolean methodMatches = methods.isEmpty() || methods.stream()
                    .anyMatch(m -> m.name().equalsIgnoreCase(method));
            if (pathMatches && methodMatches) {
                served.put(info, handler);
            }
        });
        return served;
    }

    /** What the handlers read, by where: query, path, header, cookie ({@code anyOf}: a map of them all); and form or
     * multipart fields. */
    record Reads(Map<String, Set<String>> byLocation, Set<String> anyOf, Set<String> bodyFields) {
        Reads() {
            this(new HashMap<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
        }

        void add(String in, String name) {
            byLocation.computeIfAbsent(in, k -> new TreeSet<>())
                    .add("header".equals(in) ? name.toLowerCase(Locale.ROOT) : name);
        }

        boolean has(String in, String name) {
            return anyOf.contains(in) || byLocation.getOrDefault(in, Set.of())
                    .contains("header".equals(in) ? name.toLowerCase(Locale.ROOT) : name);
        }
    }

    private static void read(MethodParameter parameter, List<HandlerMethodArgumentResolver> resolvers, Reads reads) {
        HandlerMethodArgumentResolver resolver = resolvers.stream().filter(r -> r.supportsParameter(parameter))
                .findFirst().orElse(null);
        switch (resolver) {
            case null -> {
            }
            case RequestParamMapMethodArgumentResolver ignored -> reads.anyOf().add("query");
            case PathVariableMapMethodArgumentResolver ignored -> reads.anyOf().add("path");
            case RequestHeaderMapMethodArgumentResolver ignored -> reads.anyOf().add("header");
            case RequestPartMethodArgumentResolver ignored -> reads.bodyFields().add(partName(parameter));
            case RequestParamMethodArgumentResolver ignored -> {
                if (isMultipart(parameter)) {
                    reads.bodyFields().add(name(parameter, parameter.getParameterAnnotation(RequestParam.class)));
                } else {
                    reads.add("query", name(parameter, parameter.getParameterAnnotation(RequestParam.class)));
                }
            }
            case PathVariableMethodArgumentResolver ignored ->
                    reads.add("path", name(parameter, parameter.getParameterAnnotation(PathVariable.class)));
            case RequestHeaderMethodArgumentResolver ignored ->
                    reads.add("header", name(parameter, parameter.getParameterAnnotation(RequestHeader.class)));
            case ServletCookieValueMethodArgumentResolver ignored ->
                    reads.add("cookie", name(parameter, parameter.getParameterAnnotation(CookieValue.class)));
            case RequestResponseBodyMethodProcessor ignored -> {
            }
            case ModelAttributeMethodProcessor ignored -> bindableNames(parameter.getParameterType())
                    .forEach(n -> reads.add("query", n));
            default -> {
                // Resolved from the request's context, not from what the client sends: the caller (from the
                // token), the servlet request, the principal…
            }
        }
    }

    private static String name(MethodParameter parameter, Annotation annotation) {
        String name = "";
        if (annotation != null) {
            name = attribute(annotation, "name");
            if (name.isEmpty()) {
                name = attribute(annotation, "value");
            }
        }
        return name.isEmpty() ? String.valueOf(parameter.getParameterName()) : name;
    }

    private static String partName(MethodParameter parameter) {
        return name(parameter, parameter.getParameterAnnotation(RequestPart.class));
    }

    static String attribute(Annotation annotation, String attribute) {
        try {
            Object value = annotation.annotationType().getMethod(attribute).invoke(annotation);
            return value instanceof String s ? s : "";
        } catch (ReflectiveOperationException e) {
            return "";
        }
    }

    private static boolean isMultipart(MethodParameter parameter) {
        Class<?> type = parameter.getNestedParameterType();
        return type.getName().startsWith("org.springframework.web.multipart.")
                || type.getName().equals("jakarta.servlet.http.Part");
    }

    private static List<String> bindableNames(Class<?> type) {
        if (type.isRecord()) {
            return java.util.Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        }
        return java.util.Arrays.stream(org.springframework.beans.BeanUtils.getPropertyDescriptors(type))
                .filter(d -> d.getWriteMethod() != null).map(java.beans.PropertyDescriptor::getName).toList();
    }
}
