package ru.repitbot.payment.web;

import ru.repitbot.payment.api.PaymentRequests;
import ru.repitbot.payment.api.PaymentResponse;
import ru.repitbot.payment.app.PaymentService;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.repitbot.idempotency.Idempotency;
import ru.repitbot.idempotency.IdempotentCreation;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.config.web.Problems;
import ru.repitbot.models.PageQuery;
import ru.repitbot.models.PageResponse;

@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Payments", description = "Prepaid lessons (and optionally money) received from a student. A student, "
        + "tutor or payment the caller may not see is 404; recording or voiding with another role than tutor or admin "
        + "is 403. Payments are never deleted: one entered by mistake is voided, and stays on record.")
public class PaymentController {

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final PaymentService service;

    public PaymentController(PaymentService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a payment",
            description = "A tutor records for their own students (tutor_id = the tutor); an admin or a service "
                    + "names tutor_id (a tutor of the student). lessons_paid is a whole number, not 0; negative "
                    + "corrects an earlier payment. Publishes payment.created (with balance_after) and, when the "
                    + "balance falls to the low-balance threshold or below, balance.low. With an Idempotency-Key the "
                    + "same request returns the first payment (200, Idempotent-Replayed: true) for 24 h; the same key "
                    + "with another body is 409.")
    @ApiResponse(responseCode = "201", description = "Recorded; balance_after is the new balance in lessons",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = PaymentResponse.class)))
    @ApiResponse(responseCode = "200", description = "Replay of an earlier request with the same Idempotency-Key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = PaymentResponse.class)))
    @ApiResponse(responseCode = "400", description = "Bad input, naming the field",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "Not a tutor or an admin",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "A student the caller may not see",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = PROBLEM))
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
                    + "admins all. Voided payments are listed too, flagged voided. Filters: student_id, tutor_id; "
                    + "a filter naming a student or tutor the caller may not see is 404, as a path id would be.")
    @ApiResponse(responseCode = "200", description = "One page")
    @ApiResponse(responseCode = "400", description = "Bad paging", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "student_id or tutor_id names someone the caller may not see",
            content = @Content(mediaType = PROBLEM))
    public PageResponse<PaymentResponse> list(@Parameter(hidden = true) CurrentUser caller,
            @RequestParam(name = "student_id", required = false) Long studentId,
            @RequestParam(name = "tutor_id", required = false) Long tutorId,
            @Parameter(description = "From 1") @RequestParam(required = false) Integer page,
            @Parameter(description = "1 to 100, default 10") @RequestParam(required = false) Integer size) {
        return service.list(caller, studentId, tutorId, PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One payment", description = "404 when it does not exist or is not the caller's to see.")
    @ApiResponse(responseCode = "200", description = "The payment (voided ones too, flagged)")
    @ApiResponse(responseCode = "404", description = "Not the caller's to see",
            content = @Content(mediaType = PROBLEM))
    public PaymentResponse get(@Parameter(hidden = true) CurrentUser caller, @PathVariable long id) {
        return service.get(caller, id);
    }

    @PostMapping(path = "/{id}/void")
    @Operation(summary = "Void a payment entered by mistake",
            description = "The payment's tutor or an admin. The payment is not deleted: it stays, marked voided "
                    + "(voided_at, voided_by, void_reason), and no longer counts towards the balance; the statement "
                    + "keeps its line and shows the reversal at the void date. Optional body {reason}. Publishes "
                    + "payment.voided (with balance_after) and, when the balance falls to the low-balance threshold "
                    + "or below, balance.low.")
    @ApiResponse(responseCode = "200", description = "Voided; balance_after is the new balance in lessons")
    @ApiResponse(responseCode = "400", description = "reason too long", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "Not a tutor or an admin",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "Not the caller's payment",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "Already voided", content = @Content(mediaType = PROBLEM))
    public PaymentResponse voidPayment(@Parameter(hidden = true) CurrentUser caller, @PathVariable long id,
            @Valid @RequestBody(required = false) PaymentRequests.Voiding request) {
        return service.voidPayment(caller, id, request);
    }

    /**
     * Payments are never deleted (money history is never erased): a DELETE is refused with 405, pointing to the
     * void. Not part of the documented API.
     */
    @Hidden
    @DeleteMapping("/{id}")
    public ResponseEntity<ProblemDetail> refuseDelete(@PathVariable long id, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "payment-not-deletable",
                "Payments are never deleted, so the money history stays complete; to cancel a payment entered by "
                        + "mistake, void it: POST /api/v1/payments/" + id + "/void",
                URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "GET")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
