package ru.repitbot.models;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/** Parsing of wire enums: lower-case values on the wire, the monolith's upper-case names accepted too. */
public final class WireValues {

    private WireValues() {
    }

    public static <E extends Enum<E>> E parse(E[] candidates, Function<E, String> wireValue, String raw) {
        if (raw != null) {
            String normalised = raw.trim().toLowerCase(Locale.ROOT);
            for (E candidate : candidates) {
                if (wireValue.apply(candidate).equals(normalised)) {
                    return candidate;
                }
            }
        }
        throw new IllegalArgumentException(
                "must be one of " + Arrays.stream(candidates).map(wireValue).toList());
    }
}
