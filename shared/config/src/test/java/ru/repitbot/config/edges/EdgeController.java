package ru.repitbot.config.edges;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.repitbot.config.logging.LogSafe;
import ru.repitbot.models.PageQuery;
import ru.repitbot.models.PageResponse;

/** A paged list and an endpoint that logs what a caller typed, as services' controllers do. */
@RestController
class EdgeController {

    private static final Logger log = LoggerFactory.getLogger(EdgeController.class);

    @GetMapping("/api/v1/things")
    PageResponse<String> things(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery paging = PageQuery.of(page, size);
        return PageResponse.of(List.of("thing"), 1, paging.page(), paging.size());
    }

    @GetMapping("/internal/v1/things")
    List<String> internalThings() {
        return List.of("thing");
    }

    /** A body value, as auth-service's client_id: the firewall checks paths and parameters, never bodies. */
    @PostMapping("/api/v1/things")
    Map<String, String> create(@RequestBody Map<String, String> thing) {
        log.warn("Unknown thing {}", LogSafe.value(thing.get("name")));
        return Map.of("name", "refused");
    }
}
