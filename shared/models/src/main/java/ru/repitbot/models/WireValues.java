package ru.repitbot.models;

import java.util.Arrays;
import java.util.Locale;

/** Parsing of wire enums: lower-case values on the wire, the monolith's upper-case names accepted too. */
public final class WireValues {

    private WireValues() {
    }

    /**
     * The constant of {@code type} whose wire value is {@code raw}, in either case.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String raw) {
        E[] candidates = type.getEnumConstants();
        if (raw != null) {
            String normalised = raw.trim().toLowerCase(Locale.ROOT);
            for (E candidate : candidates) {
                if (candidate.value().equals(normalised)) {
                    return candidate;
                }
            }
        }
        throw new IllegalArgumentException(
                "must be one of " + Arrays.stream(candidates).map(WireEnum::value).toList());
    }
}
