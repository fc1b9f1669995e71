package ru.repitbot.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLConnection;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Telegram Bot API stand-in in this JVM or as a process: the Bot API under {@code /bot<token>/<method>} and
 * files under {@code /file/bot<token>/<file_path>} for any token (each token is its own bot), the chat page on
 * {@code /}, its JSON API under {@code /ui/api/}, and {@code /health}.
 *
 * <pre>{@code
 * try (TelegramStandIn telegram = TelegramStandIn.start(0, StandInOptions.defaults())) {
 *     TelegramBot bot = new TelegramBot.Builder(telegram.token())
 *             .apiUrl(telegram.apiUrl()).fileApiUrl(telegram.fileApiUrl()).build();
 *     ChatDriver anna = telegram.user(1001, "Анна");
 *     anna.send("/start");
 *     ...
 * }
 * }</pre>
 */
public final class TelegramStandIn implements AutoCloseable {

    static final Pattern TOKEN = Pattern.compile("(\\d{1,18}):([A-Za-z0-9_-]{1,200})");
    private static final int MAX_BODY = 60 * 1024 * 1024;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final StandInOptions options;
    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient httpClient;
    private final Random random = new SecureRandom();
    private final Map<String, StandInBot> botsByToken = new ConcurrentHashMap<>();
    private final Map<Long, StandInBot> botsById = new ConcurrentHashMap<>();
    private final BotApi api = new BotApi(this);
    private final UiApi ui = new UiApi(this);
    private final PersonaSource personas;
    private final StandInBot defaultBot;
    private volatile boolean closed;

    private TelegramStandIn(int port, StandInOptions options) throws IOException {
        this.options = options;
        this.personas = new PersonaSource(options.personas(), options.personasFile(), this);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(executor)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.defaultBot = botFor(options.defaultToken());
        this.server = HttpServer.create(new InetSocketAddress(options.host(), port), 128);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts on a free port with the defaults. */
    public static TelegramStandIn start() {
        return start(0, StandInOptions.defaults());
    }

    public static TelegramStandIn start(int port) {
        return start(port, StandInOptions.defaults());
    }

    /** Starts on {@code port} (0 = a free one). */
    public static TelegramStandIn start(int port, StandInOptions options) {
        try {
            return new TelegramStandIn(port, options);
        } catch (IOException e) {
            throw new UncheckedIOException("the Telegram stand-in could not listen on " + options.host() + ":" + port, e);
        }
    }

    // ---- where it is -----------------------------------------------------------------------------------------

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} */
    public String baseUrl() {
        String host = options.host().equals("0.0.0.0") ? "127.0.0.1" : options.host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** The Bot API base the token is appended to: {@code http://127.0.0.1:PORT/bot} (pengrad's apiUrl). */
    public String apiUrl() {
        return baseUrl() + "/bot";
    }

    /** The file base the token is appended to: {@code http://127.0.0.1:PORT/file/bot} (pengrad's fileApiUrl). */
    public String fileApiUrl() {
        return baseUrl() + "/file/bot";
    }

    /** The chat page. */
    public String pageUrl() {
        return baseUrl() + "/";
    }

    public StandInOptions options() {
        return options;
    }

    // ---- bots ------------------------------------------------------------------------------------------------

    /** The default bot's token (the options' one). */
    public String token() {
        return defaultBot.token();
    }

    public StandInBot bot() {
        return defaultBot;
    }

    /** The bot of a token (created on first use, as any token is). */
    public StandInBot bot(String token) {
        StandInBot bot = botFor(token);
        if (bot == null) {
            throw new IllegalArgumentException("not a usable bot token: " + token);
        }
        return bot;
    }

    public Collection<StandInBot> bots() {
        return List.copyOf(botsByToken.values());
    }

    // ---- shortcuts to the default bot ------------------------------------------------------------------------

    /** A private chat of the default bot with user {@code telegramId}. */
    public ChatDriver user(long telegramId, String firstName) {
        return defaultBot.user(telegramId, firstName);
    }

    public void failNext(int count, String method, ForcedFailure failure) {
        defaultBot.failNext(count, method, failure);
    }

    public Map<String, Integer> callCounts() {
        return defaultBot.callCounts();
    }

    public List<TooManyRequests> tooManyRequests() {
        return defaultBot.tooManyRequests();
    }

    /** Every message the default bot sent that the stand-in accepted, with the stand-in's clock. */
    public List<Received> received() {
        return defaultBot.received();
    }

    public List<CallbackAnswer> callbackQueries() {
        return defaultBot.callbackQueries();
    }

    public boolean allCallbackQueriesAnswered() {
        return defaultBot.allCallbackQueriesAnswered();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (StandInBot bot : botsByToken.values()) {
            bot.stop();
        }
        server.stop(0);
        executor.shutdownNow();
        httpClient.shutdownNow();
    }

    // ---- internals -------------------------------------------------------------------------------------------

    boolean closed() {
        return closed;
    }

    Random random() {
        return random;
    }

    HttpClient httpClient() {
        return httpClient;
    }

    BotApi api() {
        return api;
    }

    PersonaSource personas() {
        return personas;
    }

    StandInBot botById(long id) {
        return botsById.get(id);
    }

    /** The bot of a token, null when the token is malformed or its bot id belongs to another token. */
    StandInBot botFor(String token) {
        StandInBot known = botsByToken.get(token);
        return known != null ? known : newBot(token);
    }

    private synchronized StandInBot newBot(String token) {
        StandInBot known = botsByToken.get(token);
        if (known != null) {
            return known;
        }
        Matcher m = TOKEN.matcher(token);
        if (!m.matches()) {
            return null;
        }
        long id = Long.parseLong(m.group(1));
        if (id <= 0 || botsById.containsKey(id)) {
            return null; // a wrong secret for a known bot id: Telegram says 401
        }
        boolean first = defaultBot == null && botsByToken.isEmpty();
        String name = first ? options.botFirstName() : "Stand-in bot " + id;
        String username = first ? options.botUsername() : "standin_" + id + "_bot";
        StandInBot bot = new StandInBot(this, token, id, name, username);
        botsByToken.put(token, bot);
        botsById.put(id, bot);
        bot.syncPersonas();
        return bot;
    }

    void log(String line) {
        System.out.println(LocalTime.now().format(TIME) + " telegram-standin: " + line);
    }

    private void debug(String line) {
        if (options.verbose()) {
            log(line);
        }
    }

    // ---- HTTP ------------------------------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            if (path.startsWith("/bot")) {
                botApi(ex, path);
            } else if (path.startsWith("/file/bot")) {
                download(ex, path);
            } else if (path.equals("/health")) {
                send(ex, 200, "application/json", "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/ui/api/")) {
                ui.handle(ex, path.substring("/ui/api/".length()), readBody(ex));
            } else if (path.equals("/") || path.equals("/index.html")) {
                page(ex);
            } else if (path.equals("/favicon.ico")) {
                send(ex, 204, null, new byte[0]);
            } else {
                send(ex, 404, "text/plain; charset=utf-8", "Not Found".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            debug("connection error: " + e.getMessage());
        } catch (RuntimeException e) {
            log("internal error on " + ex.getRequestURI().getRawPath() + ": " + e);
            try {
                send(ex, 500, "application/json",
                        "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}".getBytes(
                                StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException ignored) {
                // the response may have started already
            }
        }
    }

    private void botApi(HttpExchange ex, String path) throws IOException {
        int slash = path.indexOf('/', 4);
        String token = URLDecoder.decode(slash < 0 ? path.substring(4) : path.substring(4, slash), StandardCharsets.UTF_8);
        String method = slash < 0 ? "" : path.substring(slash + 1);
        StandInBot bot = botFor(token);
        byte[] body = readBody(ex);
        if (bot == null) {
            sendError(ex, new ApiError(401, "Unauthorized"));
            return;
        }
        if (method.isEmpty() || method.contains("/")) {
            sendError(ex, ApiError.notFound());
            return;
        }
        try {
            if (body == null) {
                throw new ApiError(413, "Request Entity Too Large");
            }
            Params params = Params.parse(ex.getRequestURI().getRawQuery(),
                    ex.getRequestHeaders().getFirst("Content-Type"), body);
            BotApi.Result result = api.call(bot, method, params);
            ObjectNode answer = Json.object();
            answer.put("ok", true);
            answer.set("result", result.result());
            if (result.description() != null) {
                answer.put("description", result.description());
            }
            debug("bot " + bot.id() + " " + method + " -> ok");
            send(ex, 200, "application/json", Json.bytes(answer));
        } catch (ApiError e) {
            debug("bot " + bot.id() + " " + method + " -> " + e.code + " " + e.description());
            sendError(ex, e);
        }
    }

    private void sendError(HttpExchange ex, ApiError e) throws IOException {
        if (e.htmlBody != null) {
            send(ex, e.code, "text/html", e.htmlBody.getBytes(StandardCharsets.UTF_8));
            return;
        }
        ObjectNode answer = Json.object();
        answer.put("ok", false);
        answer.put("error_code", e.code);
        answer.put("description", e.description());
        if (e.retryAfter != null) {
            answer.putObject("parameters").put("retry_after", e.retryAfter);
        }
        send(ex, e.code, "application/json", Json.bytes(answer));
    }

    private void download(HttpExchange ex, String path) throws IOException {
        String rest = path.substring("/file/bot".length());
        int slash = rest.indexOf('/');
        StandInBot bot = slash < 0 ? null : botFor(URLDecoder.decode(rest.substring(0, slash), StandardCharsets.UTF_8));
        StoredFile file = bot == null ? null
                : bot.fileByPath(URLDecoder.decode(rest.substring(slash + 1), StandardCharsets.UTF_8));
        if (file == null) {
            sendError(ex, ApiError.notFound());
            return;
        }
        send(ex, 200, contentType(file), file.bytes());
    }

    static String contentType(StoredFile file) {
        if (file.kind().equals(StoredFile.PHOTO)) {
            try {
                String sniffed = URLConnection.guessContentTypeFromStream(new java.io.ByteArrayInputStream(file.bytes()));
                if (sniffed != null) {
                    return sniffed;
                }
            } catch (IOException ignored) {
                // fall through
            }
            return "image/jpeg";
        }
        return file.mimeType() == null ? "application/octet-stream" : file.mimeType();
    }

    private void page(HttpExchange ex) throws IOException {
        try (InputStream in = TelegramStandIn.class.getResourceAsStream("ui/index.html")) {
            if (in == null) {
                send(ex, 500, "text/plain", "the page is missing from the jar".getBytes(StandardCharsets.UTF_8));
                return;
            }
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            send(ex, 200, "text/html; charset=utf-8", in.readAllBytes());
        }
    }

    /** The request body, or null when it is larger than the limit. */
    private static byte[] readBody(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                in.skip(Long.MAX_VALUE);
                return null;
            }
            return body;
        }
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        if (status == 204 || body.length == 0) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
