package ru.repitbot.config.docs;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import org.springframework.core.Ordered;

/**
 * swagger-core's model resolver with the API's naming (snake_case) and OpenAPI 3.1, last in springdoc's converter
 * chain. springdoc models schemas with swagger-core's own (Jackson 2) mapper, which knows nothing of the
 * application's naming strategy; springdoc 3 writes OpenAPI 3.1, so the resolver must be switched to 3.1 too or
 * every schema loses its {@code type}.
 * <p>
 * This resolver models whatever reaches it, so it must come after springdoc's own converters. springdoc puts the
 * converter beans at the chain's front one by one, in bean order: ordered first, this one ends up behind
 * {@code ResponseSupportConverter} (which unwraps {@code ResponseEntity}) and {@code FileSupportConverter}
 * ({@code MultipartFile}, {@code Resource}). In front of them it turned the {@code ResponseEntity<T>} of an operation
 * with an {@code @ApiResponse} annotation into schemas {@code ResponseEntityT}, {@code HttpHeaders},
 * {@code HttpStatusCode}, {@code MediaType}…
 */
public final class SnakeCaseModelResolver extends ModelResolver implements Ordered {

    public SnakeCaseModelResolver() {
        super(Json31.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
        openapi31(true);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
