package ru.repitbot.gateway.domain;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Rejects request paths a downstream server could read differently from the gateway: dot segments ({@code ..},
 * also encoded or hidden behind {@code ;params}), encoded slashes or backslashes, and control characters. Without
 * this, {@code /api/v1/users/..;/../internal/...} would pass the gateway's route match and reach an internal
 * endpoint after the service normalised it.
 */
public final class PathSafety {

    private PathSafety() {
    }

    public static boolean isSafe(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return false;
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\") || lower.contains("%00")
                || lower.contains("%25")) {
            return false;
        }
        for (String segment : rawPath.split("/", -1)) {
            int params = segment.indexOf(';');
            String name = params >= 0 ? segment.substring(0, params) : segment;
            String decoded;
            try {
                decoded = URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (decoded.equals(".") || decoded.equals("..")) {
                return false;
            }
            for (int i = 0; i < decoded.length(); i++) {
                if (Character.isISOControl(decoded.charAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }
}
