package ru.repitbot.config.docs;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /redoc}: the same OpenAPI document as {@code /docs}, rendered by ReDoc (not itself part of the API). The
 * script comes from the {@code org.webjars.npm:redoc} jar on the classpath, so the page works without internet.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
public class RedocController {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html><head><title>API reference</title><meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body><redoc spec-url="openapi.json"></redoc>
            <script src="webjars/redoc/%s/bundles/redoc.standalone.js"></script>
            </body></html>
            """.formatted(RedocController.VERSION);

    /** The version of the ReDoc webjar (shared/config's pom); the page names its script by it. */
    public static final String VERSION = "2.1.4";

    @GetMapping(value = "/redoc", produces = MediaType.TEXT_HTML_VALUE)
    public String redoc() {
        return PAGE;
    }
}
