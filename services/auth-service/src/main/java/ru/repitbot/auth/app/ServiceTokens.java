package ru.repitbot.auth.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import ru.repitbot.auth.domain.ServiceClients;
import ru.repitbot.models.errors.UnauthorizedException;
import ru.repitbot.config.logging.LogSafe;

/** Client credentials: a deployable proves its secret and gets a service token. */
@Service
public class ServiceTokens {

    private static final Logger log = LoggerFactory.getLogger(ServiceTokens.class);

    private final ServiceClients clients;
    private final AccessTokens tokens;

    public ServiceTokens(ServiceClients clients, AccessTokens tokens) {
        this.clients = clients;
        this.tokens = tokens;
        log.info("Service clients with a configured secret: {}", clients.configured());
    }

    /** @throws UnauthorizedException for an unknown client, a client without secret, or a wrong secret */
    public AccessTokens.Issued issue(String clientId, String clientSecret) {
        String client = clients.authenticate(clientId, clientSecret).orElseThrow(() -> {
            log.warn("Client credentials refused for client_id {}", LogSafe.value(clientId));
            return new UnauthorizedException("Unknown client or wrong client secret");
        });
        return tokens.forService(client);
    }
}
