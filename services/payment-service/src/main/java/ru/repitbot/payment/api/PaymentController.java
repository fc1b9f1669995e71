package ru.repitbot.payment.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.repitbot.config.idempotency.Idempotency;
import ru.repitbot.config.idempotency.IdempotentCreation;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.PageQuery;
import ru.repitbot.models.PageResponse;

@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Payments", description = "Prepaid lessons (and optionally money) received from a student. A student "
        + "the caller may not see is 404; recording with another role than tutor or admin is 403.")
public class PaymentController {

    private final PaymentService service;

    public PaymentController(PaymentService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Record a payment",
            description = "A tutor records for their own students (tutor_id = the tutor); an admin or a service "
                    + "names tutor_id (a tutor of the student). lessons_paid is a whole number, not 0; negative "
                    + "corrects an earlier payment. Publishes payment.created (with balance_after) and, when the "
                    + "balance falls to the low-balance threshold or below, balance.low. With an Idempotency-Key the "
                    + "same request returns the first payment (200, Idempotent-Replayed: true) for 24 h; the same key "
                    + "with another body is 409.")
    @ApiResponse(responseCode = "201", description = "Recorded; balance_after is the new balance in lessons")
    @ApiResponse(responseCode = "200", description = "Replay of an earlier request with the same Idempotency-Key")
    @ApiResponse(responseCode = "409", description = "The Idempotency-Key was used for another request")
    public ResponseEntity<PaymentResponse> create(@Parameter(hidden = true) CurrentUser caller,
            @Parameter(description = "Makes retries safe: same key + same body = same payment (1-255 characters)")
            @RequestHeader(name = Idempotency.KEY_HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody PaymentRequests.Create request) {
        PaymentService.Creation creation = service.create(caller, idempotencyKey, request);
        return IdempotentCreation.respond(creation.payment(), creation.replayed(),
                "/api/v1/payments/" + creation.payment().id());
    }

    @GetMapping
    @Operation(summary = "Payments the caller may see, newest first",
            description = "Students their own, parents their children's, tutors their students' payments to them, "
                    + "admins all. Filters: student_id, tutor_id.")
    public PageResponse<PaymentResponse> list(@Parameter(hidden = true) CurrentUser caller,
            @RequestParam(name = "student_id", required = false) Long studentId,
            @RequestParam(name = "tutor_id", required = false) Long tutorId,
            @Parameter(description = "From 1") @RequestParam(required = false) Integer page,
            @Parameter(description = "1 to 100, default 10") @RequestParam(required = false) Integer size) {
        return service.list(caller, studentId, tutorId, PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One payment", description = "404 when it does not exist or is not the caller's to see.")
    public PaymentResponse get(@Parameter(hidden = true) CurrentUser caller, @PathVariable long id) {
        return service.get(caller, id);
    }
}
