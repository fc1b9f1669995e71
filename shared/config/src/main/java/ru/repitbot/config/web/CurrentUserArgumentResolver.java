package ru.repitbot.config.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.errors.UnauthorizedException;

/** Lets a controller method take the caller as a parameter: {@code get(@PathVariable long id, CurrentUser caller)}. */
public class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentUser.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        return CurrentUser.current().orElseThrow(() -> new UnauthorizedException("A valid access token is required"));
    }
}
