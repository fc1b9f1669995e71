package ru.repitbot.config.docs;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /redoc}: the same OpenAPI document as {@code /docs}, rendered by ReDoc (not itself part of the API). */
@RestController
@io.swagger.v3.oas.annotations.Hidden
public class RedocController {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html><head><title>API reference</title><meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body><redoc spec-url="openapi.json"></redoc>
            <script src="https://cdn.redoc.ly/redoc/v2.1.5/bundles/redoc.standalone.js"></script>
            </body></html>
            """;

    @GetMapping(value = "/redoc", produces = MediaType.TEXT_HTML_VALUE)
    public String redoc() {
        return PAGE;
    }
}
