package ru.repitbot.standin;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the stand-in until the process is stopped (SIGTERM/SIGINT).
 *
 * <pre>
 * java -jar telegram-standin-*.jar [--port=8012] [--host=127.0.0.1] [--token=TOKEN] [--bot-name=NAME]
 *      [--bot-username=USERNAME] [--personas=FILE] [--persona=ROLE:TELEGRAM_ID:CODE:NAME]... [--no-limits]
 *      [--verbose]
 * </pre>
 *
 * The port defaults to {@code TELEGRAM_STANDIN_PORT}, else 8012. When it listens it prints one line:
 * {@code READY http://127.0.0.1:8012/ …}.
 */
public final class StandInMain {

    static final String USAGE = """
            usage: java -jar telegram-standin.jar [options]
              --port=PORT                 listen port (default $TELEGRAM_STANDIN_PORT, else 8012; 0 = any free port)
              --host=HOST                 listen address (default 127.0.0.1)
              --token=TOKEN               the bot the chat page shows (default %s)
              --bot-name=NAME             its name (default RepitBot)
              --bot-username=USERNAME     its username (default repitbot_standin_bot)
              --personas=FILE             JSON personas, re-read when the file changes:
                                          {"personas":[{"name","role","telegram_id","code","hint"}]}
              --persona=ROLE:ID:CODE:NAME one more persona (CODE may be empty)
              --no-limits                 no flood limits (30/s per bot, 1/s per chat with a burst of 3, 20/min per group)
              --verbose                   log every Bot API call
            """.formatted(StandInOptions.DEFAULT_TOKEN);

    private StandInMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String envPort = System.getenv("TELEGRAM_STANDIN_PORT");
        int port = envPort == null || envPort.isBlank() ? 8012 : Integer.parseInt(envPort.trim());
        StandInOptions options = StandInOptions.defaults();
        String botName = null;
        String botUsername = null;
        try {
            for (String arg : args) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                switch (name) {
                    case "--port" -> port = Integer.parseInt(value);
                    case "--host" -> options = options.withHost(value);
                    case "--token" -> options = options.withToken(value);
                    case "--bot-name" -> botName = value;
                    case "--bot-username" -> botUsername = value;
                    case "--personas" -> options = options.withPersonasFile(Path.of(value));
                    case "--persona" -> options = options.withPersona(persona(value));
                    case "--no-limits" -> options = options.withoutLimits();
                    case "--verbose" -> options = options.withVerbose(true);
                    case "--help", "-h" -> {
                        System.out.print(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option: " + arg);
                }
            }
            if (botName != null || botUsername != null) {
                options = options.withBotName(botName, botUsername);
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        TelegramStandIn standIn = TelegramStandIn.start(port, options);
        Runtime.getRuntime().addShutdownHook(new Thread(standIn::close, "telegram-standin-shutdown"));
        RateLimits l = options.limits();
        System.out.println("READY " + standIn.pageUrl() + " (chat page)  Bot API: " + standIn.apiUrl()
                + "<token>/<method>  files: " + standIn.fileApiUrl() + "<token>/<file_path>  default bot: @"
                + options.botUsername() + " id " + standIn.bot().id() + "  limits: "
                + (l.enabled() ? l.globalPerSecond() + "/s per bot, " + number(l.privatePerSecond()) + "/s per chat (burst "
                        + l.privateBurst() + "), " + l.groupPerMinute() + "/min per group" : "off"));
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** ROLE:TELEGRAM_ID:CODE:NAME (the name may contain colons). */
    static Persona persona(String spec) {
        String[] parts = spec.split(":", 4);
        if (parts.length < 4) {
            throw new IllegalArgumentException("--persona wants ROLE:TELEGRAM_ID:CODE:NAME, got " + spec);
        }
        long id;
        try {
            id = Long.parseLong(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--persona: not a Telegram id: " + parts[1]);
        }
        return new Persona(parts[3], parts[0].isBlank() ? null : parts[0], id, parts[2].isBlank() ? null : parts[2],
                null);
    }
}
