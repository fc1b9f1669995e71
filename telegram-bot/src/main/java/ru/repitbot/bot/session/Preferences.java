package ru.repitbot.bot.session;

/**
 * A person's language ({@code ru}/{@code en}) and IANA time zone; null = not chosen (Russian; the zone from
 * user-service at login, else the installation's default).
 */
public record Preferences(String language, String timeZone) {

    public static final Preferences NONE = new Preferences(null, null);

    public Preferences withLanguage(String code) {
        return new Preferences(code, timeZone);
    }

    public Preferences withTimeZone(String zone) {
        return new Preferences(language, zone);
    }
}
