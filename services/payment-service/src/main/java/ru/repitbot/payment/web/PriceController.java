package ru.repitbot.payment.web;

import ru.repitbot.payment.api.BalanceResponses;
import ru.repitbot.payment.api.PaymentRequests;
import ru.repitbot.payment.app.PriceService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.repitbot.config.security.CurrentUser;

@RestController
@RequestMapping("/api/v1/prices")
@Tag(name = "Lesson prices", description = "What one lesson costs a student with a tutor, so balances and "
        + "statements show money beside lesson counts.")
public class PriceController {

    private final PriceService service;

    public PriceController(PriceService service) {
        this.service = service;
    }

    @PutMapping("/{studentId}")
    @Operation(summary = "Set the lesson price",
            description = "A tutor sets their own price for their student; an admin or a service names tutor_id.")
    public BalanceResponses.PriceResponse put(@Parameter(hidden = true) CurrentUser caller,
            @PathVariable long studentId, @Valid @RequestBody PaymentRequests.Price request) {
        return service.put(caller, studentId, request);
    }

    @GetMapping("/{studentId}")
    @Operation(summary = "A student's lesson prices", description = "A tutor sees only their own.")
    public BalanceResponses.StudentPrices list(@Parameter(hidden = true) CurrentUser caller,
            @PathVariable long studentId, @RequestParam(name = "tutor_id", required = false) Long tutorId) {
        return service.list(caller, studentId, tutorId);
    }

    @DeleteMapping("/{studentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove the lesson price", description = "Money is then no longer shown.")
    public void remove(@Parameter(hidden = true) CurrentUser caller, @PathVariable long studentId,
            @RequestParam(name = "tutor_id", required = false) Long tutorId) {
        service.remove(caller, studentId, tutorId);
    }
}
