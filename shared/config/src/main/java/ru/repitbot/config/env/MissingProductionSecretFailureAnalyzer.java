package ru.repitbot.config.env;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Boot's start-failure report says the missing variables instead of printing a stack trace. */
public class MissingProductionSecretFailureAnalyzer
        extends AbstractFailureAnalyzer<ProductionGuard.MissingProductionSecretException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProductionGuard.MissingProductionSecretException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set " + String.join(", ", cause.missing()) + " in the environment (see README, Production settings)",
                cause);
    }
}
