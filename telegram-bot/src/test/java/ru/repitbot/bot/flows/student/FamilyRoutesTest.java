package ru.repitbot.bot.flows.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.repitbot.bot.dialog.CallbackRoute;
import ru.repitbot.bot.flows.Routes;
import ru.repitbot.bot.flows.admin.AdminRoutes;
import ru.repitbot.bot.flows.parent.ParentRoutes;

/** The student's, parent's and admin's button routes: 64 bytes at most, ids unique beside the core's. */
class FamilyRoutesTest {

    private static List<CallbackRoute> routes(Class<?> holder) throws IllegalAccessException {
        List<CallbackRoute> routes = new ArrayList<>();
        for (Field field : holder.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == CallbackRoute.class) {
                routes.add((CallbackRoute) field.get(null));
            }
        }
        return routes;
    }

    @Test
    void theLongestDataFitsAndNoIdIsUsedTwice() throws IllegalAccessException {
        Set<String> ids = new HashSet<>();
        routes(Routes.class).forEach(route -> ids.add(route.id()));
        for (Class<?> holder : List.of(StudentRoutes.class, ParentRoutes.class, AdminRoutes.class)) {
            List<CallbackRoute> mine = routes(holder);
            assertThat(mine).isNotEmpty();
            for (CallbackRoute route : mine) {
                assertThat(ids.add(route.id())).as("route id %s used twice", route.id()).isTrue();
                String data = route.data(Long.MAX_VALUE, Long.MAX_VALUE, 99);
                assertThat(data.getBytes(StandardCharsets.UTF_8).length).as(data).isLessThanOrEqualTo(64);
            }
        }
    }
}
