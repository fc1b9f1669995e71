package ru.repitbot.bot.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.repitbot.bot.dialog.CallbackRoute;
import ru.repitbot.bot.flows.calendar.CalendarRoutes;
import ru.repitbot.bot.flows.notifications.NotifyRoutes;
import ru.repitbot.bot.flows.tutor.lessons.LessonRoutes;
import ru.repitbot.bot.flows.tutor.schedule.ScheduleRoutes;

/** The lessons, schedule and calendar routes: unique with the core's, each area's own prefix, within 64 bytes. */
class FlowRoutesTest {

    @Test
    void theRoutesOfTheLessonFlowsAreUniqueAndFitTelegramsLimit() throws IllegalAccessException {
        Set<String> ids = new HashSet<>();
        for (Class<?> holder : List.of(Routes.class, LessonRoutes.class, ScheduleRoutes.class, CalendarRoutes.class,
                NotifyRoutes.class)) {
            for (CallbackRoute route : routes(holder)) {
                assertThat(ids.add(route.id())).as("route id %s used twice", route.id()).isTrue();
                String longest = route.data(Long.MAX_VALUE, Long.MAX_VALUE, 99);
                assertThat(longest.getBytes(StandardCharsets.UTF_8).length).as(longest).isLessThanOrEqualTo(64);
            }
        }
        assertThat(routes(LessonRoutes.class)).allMatch(route -> route.id().startsWith("ls."));
        assertThat(routes(ScheduleRoutes.class)).allMatch(route -> route.id().startsWith("sch."));
        assertThat(routes(CalendarRoutes.class)).allMatch(route -> route.id().startsWith("cal."));
        assertThat(routes(NotifyRoutes.class)).allMatch(route -> route.id().matches("(nt|msg|bc)\\..+"));
    }

    private static List<CallbackRoute> routes(Class<?> holder) throws IllegalAccessException {
        List<CallbackRoute> routes = new java.util.ArrayList<>();
        for (Field field : holder.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == CallbackRoute.class) {
                routes.add((CallbackRoute) field.get(null));
            }
        }
        return routes;
    }
}
