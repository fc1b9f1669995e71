package ru.repitbot.payment.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.repitbot.payment.domain.LowBalanceRule;

/** The rules of payment-service as beans, and its settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentSettings.class)
public class PaymentServiceConfiguration {

    @Bean
    LowBalanceRule lowBalanceRule(PaymentSettings settings) {
        return new LowBalanceRule(settings.lowBalanceThreshold());
    }
}
