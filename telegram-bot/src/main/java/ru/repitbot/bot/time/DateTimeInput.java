package ru.repitbot.bot.time;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and times as people type them in a chat, read in the person's own zone (docs/domain/README.md#q15-time-zones):
 * {@code 25.12.2026 15:30}, {@code 25.12 15:30} (this year, or the next one when that moment has passed),
 * {@code 15:30 25.12}, {@code 2026-12-25 15:30}, {@code сегодня 18:00}, {@code завтра 15:00},
 * {@code послезавтра 9:30}, weekdays in full or short and in the accusative ({@code пн 15:00},
 * {@code понедельник 15:00}, {@code в среду 18:30}: the coming such day — today while that time is still ahead), and
 * the English equivalents ({@code today}, {@code tomorrow 3pm}, {@code day after tomorrow 9:30}, {@code mon 15:00},
 * {@code on friday 6:30 pm}). Anything else, and impossible dates or times, give an empty result: the flow asks again.
 *
 * <p>Past moments are returned as typed (a tutor may record a lesson that already happened); {@link #isPast} tells.
 */
public final class DateTimeInput {

    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(am|pm)?");
    private static final Pattern HOUR_AMPM = Pattern.compile("(\\d{1,2})(am|pm)");
    private static final Pattern DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})(?:\\.(\\d{4}|\\d{2}))?");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private static final Map<String, Integer> RELATIVE = Map.of(
            "сегодня", 0, "today", 0,
            "завтра", 1, "tomorrow", 1,
            "послезавтра", 2, "day-after-tomorrow", 2);

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("пн", DayOfWeek.MONDAY), Map.entry("пон", DayOfWeek.MONDAY),
            Map.entry("понедельник", DayOfWeek.MONDAY),
            Map.entry("вт", DayOfWeek.TUESDAY), Map.entry("вторник", DayOfWeek.TUESDAY),
            Map.entry("ср", DayOfWeek.WEDNESDAY), Map.entry("среда", DayOfWeek.WEDNESDAY),
            Map.entry("среду", DayOfWeek.WEDNESDAY),
            Map.entry("чт", DayOfWeek.THURSDAY), Map.entry("четверг", DayOfWeek.THURSDAY),
            Map.entry("пт", DayOfWeek.FRIDAY), Map.entry("пятница", DayOfWeek.FRIDAY),
            Map.entry("пятницу", DayOfWeek.FRIDAY),
            Map.entry("сб", DayOfWeek.SATURDAY), Map.entry("суббота", DayOfWeek.SATURDAY),
            Map.entry("субботу", DayOfWeek.SATURDAY),
            Map.entry("вс", DayOfWeek.SUNDAY), Map.entry("воскресенье", DayOfWeek.SUNDAY),
            Map.entry("mon", DayOfWeek.MONDAY), Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("tues", DayOfWeek.TUESDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("thu", DayOfWeek.THURSDAY), Map.entry("thur", DayOfWeek.THURSDAY),
            Map.entry("thurs", DayOfWeek.THURSDAY), Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("fri", DayOfWeek.FRIDAY), Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("sat", DayOfWeek.SATURDAY), Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("sun", DayOfWeek.SUNDAY), Map.entry("sunday", DayOfWeek.SUNDAY));

    /** Words that carry no meaning here: "в среду", "во вторник", "on friday", "at 15:00", "в 15:00". */
    private static final List<String> FILLERS = List.of("в", "во", "on", "at", "г", "г.");

    private final Clock clock;

    public DateTimeInput(Clock clock) {
        this.clock = clock;
    }

    /** A date and a time of day, in {@code zone}; empty when the text is not one. */
    public Optional<ZonedDateTime> parse(String input, ZoneId zone) {
        Parts parts = split(input);
        if (parts == null || parts.time == null || parts.day == null) {
            return Optional.empty();
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        LocalTime time = parts.time;
        try {
            LocalDate date = switch (parts.day) {
                case ExplicitDate explicit when explicit.year != null ->
                        LocalDate.of(explicit.year, explicit.month, explicit.dayOfMonth);
                case ExplicitDate explicit -> {
                    LocalDate thisYear = LocalDate.of(now.getYear(), explicit.month, validDay(explicit));
                    yield ZonedDateTime.of(thisYear, time, zone).isBefore(now)
                            ? LocalDate.of(now.getYear() + 1, explicit.month, validDay(explicit)) : thisYear;
                }
                case Relative relative -> now.toLocalDate().plusDays(relative.days);
                case Weekday weekday -> {
                    LocalDate today = now.toLocalDate();
                    int ahead = (weekday.day.getValue() - today.getDayOfWeek().getValue() + 7) % 7;
                    LocalDate candidate = today.plusDays(ahead);
                    yield ahead == 0 && !ZonedDateTime.of(candidate, time, zone).isAfter(now)
                            ? candidate.plusDays(7) : candidate;
                }
            };
            return Optional.of(ZonedDateTime.of(LocalDateTime.of(date, time), zone))
                    .filter(moment -> acceptedByTheServices(moment.toLocalDate()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A date without a time of day (a deadline, a report's day); the same day forms as {@link #parse}. */
    public Optional<LocalDate> parseDate(String input, ZoneId zone) {
        Parts parts = split(input);
        if (parts == null || parts.time != null || parts.day == null) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        try {
            return Optional.of(switch (parts.day) {
                case ExplicitDate explicit when explicit.year != null ->
                        LocalDate.of(explicit.year, explicit.month, explicit.dayOfMonth);
                case ExplicitDate explicit -> {
                    LocalDate thisYear = LocalDate.of(today.getYear(), explicit.month, validDay(explicit));
                    yield thisYear.isBefore(today) ? thisYear.plusYears(1) : thisYear;
                }
                case Relative relative -> today.plusDays(relative.days);
                case Weekday weekday ->
                        today.plusDays((weekday.day.getValue() - today.getDayOfWeek().getValue() + 7) % 7);
            }).filter(DateTimeInput::acceptedByTheServices);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The services refuse dates outside the years they accept (shared/models' {@code time.DateTimeInput}); a date
     * the bot would send only to have it refused is no date here either, so the flow asks again in its own words.
     */
    private static boolean acceptedByTheServices(LocalDate date) {
        return date.getYear() >= ru.repitbot.models.time.DateTimeInput.FIRST_YEAR
                && date.getYear() <= ru.repitbot.models.time.DateTimeInput.LAST_YEAR;
    }

    /** Whether the moment has passed (a flow may warn, or refuse). */
    public boolean isPast(ZonedDateTime moment) {
        return moment.toInstant().isBefore(clock.instant());
    }

    /** 29 February without a year must exist in the year it lands in; checked there, not here. */
    private static int validDay(ExplicitDate date) {
        if (date.month < 1 || date.month > 12 || date.dayOfMonth < 1 || date.dayOfMonth > 31) {
            throw new DateTimeException("no such date");
        }
        return date.dayOfMonth;
    }

    private sealed interface Day permits ExplicitDate, Relative, Weekday {
    }

    private record ExplicitDate(Integer year, int month, int dayOfMonth) implements Day {
    }

    private record Relative(int days) implements Day {
    }

    private record Weekday(DayOfWeek day) implements Day {
    }

    private static final class Parts {
        Day day;
        LocalTime time;
    }

    /** Splits the text into one day part and at most one time part; null when something is left over or doubled. */
    private static Parts split(String input) {
        if (input == null) {
            return null;
        }
        String text = input.strip().toLowerCase(Locale.ROOT).replace('ё', 'е')
                .replace("day after tomorrow", "day-after-tomorrow")
                .replaceAll("(\\d)\\s+(am|pm)\\b", "$1$2")
                .replace(",", " ");
        if (text.isEmpty()) {
            return null;
        }
        List<String> tokens = new ArrayList<>(List.of(text.split("\\s+")));
        tokens.removeIf(FILLERS::contains);
        Parts parts = new Parts();
        for (String token : tokens) {
            LocalTime time = time(token);
            Day day = time == null ? day(token) : null;
            if (time != null && parts.time == null) {
                parts.time = time;
            } else if (day != null && parts.day == null) {
                parts.day = day;
            } else {
                return null;
            }
        }
        return parts;
    }

    private static LocalTime time(String token) {
        Matcher m = TIME.matcher(token);
        Integer hour = null;
        int minute = 0;
        String half = null;
        if (m.matches()) {
            hour = Integer.parseInt(m.group(1));
            minute = Integer.parseInt(m.group(2));
            half = m.group(3);
        } else {
            Matcher h = HOUR_AMPM.matcher(token);
            if (h.matches()) {
                hour = Integer.parseInt(h.group(1));
                half = h.group(2);
            }
        }
        if (hour == null || minute > 59) {
            return null;
        }
        if (half != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            hour = hour % 12 + ("pm".equals(half) ? 12 : 0);
        }
        return hour > 23 ? null : LocalTime.of(hour, minute);
    }

    private static Day day(String token) {
        Integer relative = RELATIVE.get(token);
        if (relative != null) {
            return new Relative(relative);
        }
        DayOfWeek weekday = WEEKDAYS.get(token);
        if (weekday != null) {
            return new Weekday(weekday);
        }
        Matcher m = DATE.matcher(token);
        if (m.matches()) {
            Integer year = null;
            if (m.group(3) != null) {
                year = Integer.parseInt(m.group(3));
                year = year < 100 ? 2000 + year : year;
            }
            return new ExplicitDate(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        }
        Matcher iso = ISO_DATE.matcher(token);
        if (iso.matches()) {
            return new ExplicitDate(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                    Integer.parseInt(iso.group(3)));
        }
        return null;
    }
}
