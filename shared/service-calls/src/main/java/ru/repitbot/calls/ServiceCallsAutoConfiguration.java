package ru.repitbot.calls;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * {@link ServiceCalls} in every deployable that has this module: the token by client credentials at
 * {@code AUTH_SERVICE_URL} ({@code repitbot.security.auth-url}) with client id {@code spring.application.name} and
 * secret {@code <NAME>_SECRET_KEY}; 2 s to connect, 10 s to answer.
 */
@AutoConfiguration(afterName = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration")
public class ServiceCallsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ServiceTokenSource serviceTokenSource(Environment environment, ObjectProvider<Clock> clock) {
        String name = environment.getProperty("spring.application.name", "repitbot");
        String authUrl = environment.getProperty("repitbot.security.auth-url",
                environment.getProperty("AUTH_SERVICE_URL", "http://127.0.0.1:8002"));
        RestClient auth = RestClient.builder().requestFactory(requestFactory()).baseUrl(authUrl).build();
        return new ClientCredentialsTokenSource(auth, name, environment.getProperty(ServiceCalls.secretVariable(name)),
                clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceCalls serviceCalls(ObjectProvider<RestClient.Builder> builder, Environment environment,
            ServiceTokenSource tokens) {
        RestClient.Builder base = builder.getIfAvailable(RestClient::builder).clone().requestFactory(requestFactory());
        return new ServiceCalls(base, environment, tokens);
    }

    private static JdkClientHttpRequestFactory requestFactory() {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        factory.setReadTimeout(Duration.ofSeconds(10));
        return factory;
    }
}
