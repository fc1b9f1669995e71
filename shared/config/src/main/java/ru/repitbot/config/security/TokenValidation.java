package ru.repitbot.config.security;

import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * How every deployable validates an access token: signature from the JWKS with RS256 only (no {@code none}, no
 * HMAC), then {@code exp}/{@code nbf}, {@code iss} and {@code aud}. Our issuer is a name, not a URL: the claim
 * stays a string ({@link #claims()}), so no decode tries (and fails, with an exception per request) to make it a URL.
 */
public final class TokenValidation {

    private TokenValidation() {
    }

    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        OAuth2TokenValidator<Jwt> aud = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                values -> values != null && values.contains(audience));
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), aud);
    }

    /** Spring Security's claim conversions, except that {@code iss} is kept as the string it is. */
    public static Converter<Map<String, Object>, Map<String, Object>> claims() {
        return MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, value -> value == null ? null : value.toString()));
    }

    public static NimbusJwtDecoder decoder(SecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        return checking(decoder, properties.issuer(), properties.audience());
    }

    /** The claim conversion and the checks above, on a decoder that already verifies RS256 signatures. */
    public static NimbusJwtDecoder checking(NimbusJwtDecoder decoder, String issuer, String audience) {
        decoder.setClaimSetConverter(claims());
        decoder.setJwtValidator(validator(issuer, audience));
        return decoder;
    }
}
