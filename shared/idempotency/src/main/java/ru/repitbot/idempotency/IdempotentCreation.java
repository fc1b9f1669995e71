package ru.repitbot.idempotency;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a POST that creates under an {@code Idempotency-Key}: 201 with its location the first time, 200
 * with {@code Idempotent-Replayed: true} and the same body when the request is a replay.
 */
public final class IdempotentCreation {

    private IdempotentCreation() {
    }

    public static <T> ResponseEntity<T> respond(T body, boolean replayed, String location) {
        if (replayed) {
            return ResponseEntity.ok().header(Idempotency.REPLAYED_HEADER, "true").body(body);
        }
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(location)).body(body);
    }
}
