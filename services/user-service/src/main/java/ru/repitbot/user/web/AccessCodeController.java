package ru.repitbot.user.web;

import ru.repitbot.user.api.VerifyAccessCodeRequest;
import ru.repitbot.user.api.VerifyAccessCodeResponse;
import ru.repitbot.user.app.AccessCodeService;
import ru.repitbot.user.app.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.repitbot.config.security.CurrentUser;

@RestController
@Tag(name = "Internal", description = "Service-to-service only (service token); never routed by the gateway.")
public class AccessCodeController {

    private final AccessCodeService service;

    public AccessCodeController(AccessCodeService service) {
        this.service = service;
    }

    @PostMapping("/internal/v1/access-codes/verify")
    @Operation(summary = "Verify an access code and bind the Telegram account",
            description = "For auth-service's login. The code is trimmed and upper-cased first.")
    @ApiResponse(responseCode = "200", description = "The code is right; the user is bound to this account")
    @ApiResponse(responseCode = "403", description = "Not a service token")
    @ApiResponse(responseCode = "404", description = "No user has this code")
    @ApiResponse(responseCode = "409", description = "The user is bound to another Telegram account, or this "
            + "account to another user (reset the code to rebind)")
    public VerifyAccessCodeResponse verify(@Valid @RequestBody VerifyAccessCodeRequest request,
            CurrentUser caller) {
        return service.verify(Actors.of(caller), request);
    }
}
