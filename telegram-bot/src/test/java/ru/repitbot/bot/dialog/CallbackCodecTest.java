package ru.repitbot.bot.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.repitbot.bot.flows.Routes;

class CallbackCodecTest {

    @Test
    void writesRouteAndArgumentsAndReadsThemBack() {
        String data = Routes.PARENT_LINK.data(123456789012L, 42);

        assertThat(data).isEqualTo("st.pl:123456789012:42");
        CallbackData decoded = CallbackData.parse(data).orElseThrow();
        assertThat(decoded.route()).isEqualTo("st.pl");
        assertThat(decoded.is(Routes.PARENT_LINK)).isTrue();
        assertThat(decoded.longArg(0)).isEqualTo(123456789012L);
        assertThat(decoded.intArg(1)).isEqualTo(42);
    }

    @Test
    void aRouteWithoutArgumentsIsJustItsId() {
        assertThat(Routes.STUDENT_ADD.data()).isEqualTo("st.a");
        assertThat(CallbackData.parse("st.a").orElseThrow().args()).isEmpty();
    }

    @Test
    void theLongestDataOfEveryRouteFitsTelegramsSixtyFourBytes() throws IllegalAccessException {
        long biggestId = Long.MAX_VALUE;
        for (CallbackRoute route : allRoutes()) {
            String data = route.data(biggestId, biggestId, 99);
            assertThat(data.getBytes(StandardCharsets.UTF_8).length).as(data).isLessThanOrEqualTo(64);
        }
    }

    @Test
    void refusesDataOverSixtyFourBytesBeforeTelegramDoes() {
        // Cyrillic letters are two bytes each in UTF-8: 30 of them plus the route exceed 64 bytes.
        assertThatThrownBy(() -> CallbackRoute.of("st.v").data("ж".repeat(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64");
        assertThat(CallbackRoute.of("st.v").data("ж".repeat(29))).hasSizeLessThan(64);
    }

    @Test
    void refusesArgumentsThatWouldBreakTheFormat() {
        assertThatThrownBy(() -> Routes.STUDENT.data("a:b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Routes.STUDENT.data("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallbackRoute.of("Students View")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallbackRoute.of("a".repeat(17))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forgedOrOldDataIsDecodedButItsBadArgumentsAreReportedAsOutdated() {
        assertThat(CallbackData.parse("")).isEmpty();
        assertThat(CallbackData.parse(null)).isEmpty();
        CallbackData old = CallbackData.parse("tutor_view_student_12").orElseThrow();
        assertThat(old.route()).isEqualTo("tutor_view_student_12");
        CallbackData forged = CallbackData.parse("st.v:abc").orElseThrow();
        assertThatThrownBy(() -> forged.longArg(0)).isInstanceOf(CallbackData.BadCallbackException.class);
        assertThatThrownBy(() -> forged.longArg(1)).isInstanceOf(CallbackData.BadCallbackException.class);
    }

    @Test
    void everyRouteIdIsUnique() throws IllegalAccessException {
        Set<String> ids = new HashSet<>();
        for (CallbackRoute route : allRoutes()) {
            assertThat(ids.add(route.id())).as("route id %s used twice", route.id()).isTrue();
        }
    }

    private static List<CallbackRoute> allRoutes() throws IllegalAccessException {
        List<CallbackRoute> routes = new java.util.ArrayList<>();
        for (Field field : Routes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == CallbackRoute.class) {
                routes.add((CallbackRoute) field.get(null));
            }
        }
        assertThat(routes).hasSizeGreaterThan(10);
        return routes;
    }
}
