// The Telegram bot benchmark of docs/performance.md ("Telegram bot"), as one JDK program (no build step):
//   java tests/load/BotBenchmark.java [--state DIR] [--kill-at SECONDS] [--seconds 60] [--people 20] [--rate 20]
//                                     [--warmup 10] [--drain 120]
// Needs a stack started by ./repitbot up WITHOUT a Telegram token (the bot talks to the Telegram stand-in on 8012;
// the bot is on 8011) and with RATE_LIMIT_REQUESTS=100000000, and its state directory (--state, default
// $REPITBOT_HOME or .repitbot: demo.env for the demo admin, pids/telegram-bot.pid for the bot's RSS).
//
// Setup: the demo admin makes PEOPLE tutors (each with one or two students); each tutor gets a chat of their own in
// the stand-in, logs into the bot (/start + the access code) and opens the student list. Load: RATE updates a second
// in an open model (each chat on a fixed schedule, one update every PEOPLE/RATE s, whatever the answers' latency),
// mixing typed commands (/menu), the reply keyboard's student list, and inline button presses (a student's profile,
// back to the list). Every update is chosen so that it changes what the chat shows: exactly one new or edited bot
// message is expected per update. Replies are watched with the stand-in's long poll (GET .../messages?wait=) and
// matched to updates in order, chat by chat: update -> reply latency, replies per update (0 = lost, 2 = handled
// twice). The bot's RSS (VmRSS of pids/telegram-bot.pid) is sampled every second. --kill-at S: at second S of the
// load the bot is killed (kill -9) and started again with ./repitbot up --no-build, so the run shows the gap and
// that nothing was lost or doubled (the kill is timed 15 ms after a button press went out, so that the bot is
// usually in the middle of handling an update).
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class BotBenchmark {

    static final String LIST_LABEL = "🎓 Список учеников";
    static final String BACK = "⬅️ К списку учеников";
    static final String STUDENT_MARK = "👤";

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    static String gateway = "http://127.0.0.1:8000";
    static String standin = "http://127.0.0.1:8012";
    static String bot = "http://127.0.0.1:8011";
    static Path state;
    static Path root = Path.of("").toAbsolutePath();
    static String adminToken;
    static volatile boolean watching = true;
    static final long T0 = System.nanoTime();

    public static void main(String[] args) throws Exception {
        int people = 20;
        int rate = 20;
        int seconds = 60;
        int warmup = 10;
        int drain = 120;
        int killAt = -1;
        String home = System.getenv("REPITBOT_HOME");
        state = Path.of(home == null || home.isBlank() ? ".repitbot" : home);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--state" -> state = Path.of(args[++i]);
                case "--kill-at" -> killAt = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--people" -> people = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--drain" -> drain = Integer.parseInt(args[++i]);
                case "--gateway" -> gateway = args[++i];
                case "--standin" -> standin = args[++i];
                case "--bot" -> bot = args[++i];
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        state = state.toAbsolutePath();
        machine();
        List<String> demo = Files.readAllLines(state.resolve("demo.env"));
        adminToken = field(send(gateway, "POST", "/api/v1/auth/login", null, "{\"access_code\":\""
                + value(demo, "DEMO_ADMIN_CODE") + "\",\"telegram_id\":" + value(demo, "DEMO_ADMIN_TELEGRAM_ID")
                + "}").body(), "access_token");

        long setupStart = System.nanoTime();
        List<Chat> chats = setup(people);
        log("setup: %d tutors with %d students logged into the bot and at their student list in %.0f s", chats.size(),
                chats.stream().mapToInt(c -> c.students).sum(), (System.nanoTime() - setupStart) / 1e9);

        Rss rss = new Rss();
        Thread.ofVirtual().start(rss::run);
        for (Chat chat : chats) {
            chat.snapshot();
            Thread.ofVirtual().start(chat::watch);
        }
        Thread.sleep(500);
        double rssIdle = rss.now();

        if (warmup > 0) {
            log("warm-up: %d s at %d updates/s (not counted)", warmup, rate);
            rss.phase = "warmup";
            load(chats, rate, warmup, "warmup", -1, rss);
            awaitAnswered(chats, drain);
        }
        Map<String, Double> metricsBefore = botMetrics();
        Map<String, Integer> standinBefore = standinStats();
        log("load: %d s at %d updates/s over %d chats (one update every %.1f s per chat)%s", seconds, rate,
                chats.size(), (double) people / rate, killAt >= 0 ? ", kill -9 of the bot at second " + killAt : "");
        rss.phase = "load";
        Kill kill = load(chats, rate, seconds, "load", killAt, rss);
        long loadEnd = System.nanoTime();
        boolean drained = awaitAnswered(chats, drain);
        double drainSeconds = (System.nanoTime() - loadEnd) / 1e9;
        rss.phase = "after";
        Thread.sleep(2000); // a late second reply would show up now
        watching = false;
        Map<String, Double> metricsAfter = botMetrics();
        Map<String, Integer> standinAfter = standinStats();

        report(chats, kill, rss, rssIdle, metricsBefore, metricsAfter, standinBefore, standinAfter, drained,
                drainSeconds);
        System.exit(0);
    }

    // ---- setup ----------------------------------------------------------------------------------------------

    static List<Chat> setup(int people) throws Exception {
        String run = DateTimeFormatter.ofPattern("HHmmss").format(LocalDateTime.now());
        List<Chat> chats = Collections.synchronizedList(new ArrayList<>());
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < people; i++) {
                int n = i;
                pool.submit(() -> {
                    var tutor = send(gateway, "POST", "/api/v1/users", adminToken,
                            "{\"role\":\"tutor\",\"full_name\":\"Бенч Репетитор " + run + "-" + n + "\"}");
                    check(tutor, 201, "create tutor");
                    long tutorId = Long.parseLong(field(tutor.body(), "id"));
                    int students = n % 2 == 0 ? 2 : 1;
                    for (int s = 0; s < students; s++) {
                        var student = send(gateway, "POST", "/api/v1/users", adminToken, "{\"role\":\"student\","
                                + "\"full_name\":\"Бенч Ученик " + n + (char) ('А' + s) + "\",\"grade\":8,"
                                + "\"tutor_ids\":[" + tutorId + "]}");
                        check(student, 201, "create student");
                        awaitKnown(Long.parseLong(field(student.body(), "id")));
                    }
                    chats.add(new Chat(n, field(tutor.body(), "access_code"), students));
                    return null;
                });
            }
        }
        chats.sort((a, b) -> Integer.compare(a.n, b.n));
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Chat chat : chats) {
                pool.submit(() -> {
                    chat.login();
                    return null;
                });
            }
        }
        return chats;
    }

    /** Waits until lesson-service and payment-service know the student (user events), as the profile asks both. */
    static void awaitKnown(long student) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (send(gateway, "GET", "/api/v1/balances/" + student, adminToken, null).statusCode() == 200
                    && send(gateway, "GET", "/api/v1/lessons?student_id=" + student, adminToken, null)
                            .statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("student " + student + " never reached the services");
    }

    // ---- one person's chat ------------------------------------------------------------------------------------

    record Sent(long nanos, String kind, String phase) {
    }

    record Sample(String phase, String kind, long nanos, long sentAt) {
    }

    static final ConcurrentLinkedQueue<Sample> SAMPLES = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<String> EXTRAS = new ConcurrentLinkedQueue<>();
    static final AtomicInteger SEND_ERRORS = new AtomicInteger();
    static final AtomicLong LAST_REPLY = new AtomicLong();
    static final AtomicLong LAST_PRESS = new AtomicLong();

    /** A bot message as the chat shows it now. */
    record BotMessage(int id, int editCount, String text, List<List<Map<String, Object>>> keyboard) {
        boolean hasButton(Predicate<String> text) {
            return keyboard.stream().flatMap(List::stream).anyMatch(b -> text.test(String.valueOf(b.get("text"))));
        }
    }

    static final class Chat {
        final int n;
        final String code;
        final int students;
        long chatId;
        volatile long version;
        final Map<Integer, BotMessage> botMessages = new HashMap<>();
        final ArrayDeque<Sent> outstanding = new ArrayDeque<>();
        int replies;
        int extras;
        int nextStudent;

        Chat(int n, String code, int students) {
            this.n = n;
            this.code = code;
            this.students = students;
        }

        void login() throws Exception {
            var user = send(standin, "POST", "/ui/api/users", null,
                    "{\"first_name\":\"Бенч\",\"last_name\":\"Репетитор " + n + "\"}");
            check(user, 200, "stand-in user");
            chatId = Long.parseLong(field(user.body(), "chat_id"));
            long since = 0;
            userText("/start", false);
            since = awaitChat(since, r -> !botMessagesOf(r).isEmpty(), "the greeting");
            userText(code, false);
            since = awaitChat(since, r -> r.get("reply_keyboard") instanceof Map<?, ?> k
                    && String.valueOf(k.get("rows")).contains(LIST_LABEL), "the tutor's main menu");
            userText(LIST_LABEL, true);
            awaitChat(since, r -> botMessagesOf(r).stream().anyMatch(m -> m.hasButton(t -> t.startsWith(STUDENT_MARK))),
                    "the student list");
        }

        /** Long-polls the chat until {@code done} holds for an answer; the version it got to. */
        long awaitChat(long since, Predicate<Map<String, Object>> done, String what) throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                Map<String, Object> answer = messages(since, 10);
                if (done.test(answer)) {
                    return ((Number) answer.get("version")).longValue();
                }
                since = ((Number) answer.get("version")).longValue();
            }
            throw new IllegalStateException("chat " + chatId + " (tutor " + n + "): no " + what + " within 60 s");
        }

        Map<String, Object> messages(long since, int wait) throws Exception {
            var r = send(standin, "GET", "/ui/api/chats/" + chatId + "/messages?since=" + since + "&wait=" + wait,
                    null, null);
            check(r, 200, "messages");
            @SuppressWarnings("unchecked")
            Map<String, Object> answer = (Map<String, Object>) Json.parse(r.body());
            return answer;
        }

        void userText(String text, boolean viaKeyboard) throws Exception {
            check(send(standin, "POST", "/ui/api/chats/" + chatId + "/send", null, "{\"text\":" + Json.quote(text)
                    + ",\"via_keyboard\":" + viaKeyboard + "}"), 200, "send");
        }

        /** What the chat shows now; later changes are counted against it. */
        void snapshot() throws Exception {
            Map<String, Object> all = messages(0, 0);
            synchronized (this) {
                for (BotMessage m : botMessagesOf(all)) {
                    botMessages.put(m.id(), m);
                }
                version = ((Number) all.get("version")).longValue();
            }
        }

        /** The watcher: every new bot message and every edit is one reply, matched to the oldest unanswered update. */
        void watch() {
            while (watching) {
                try {
                    Map<String, Object> answer = messages(version, 20);
                    long now = System.nanoTime();
                    synchronized (this) {
                        for (BotMessage m : botMessagesOf(answer)) {
                            BotMessage before = botMessages.put(m.id(), m);
                            int changes = before == null ? 1 + m.editCount() : m.editCount() - before.editCount();
                            for (int i = 0; i < changes; i++) {
                                reply(now, m);
                            }
                        }
                        version = ((Number) answer.get("version")).longValue();
                    }
                } catch (Exception e) {
                    if (watching) {
                        log("chat %d: watching failed: %s", chatId, e);
                    }
                }
            }
        }

        private void reply(long now, BotMessage m) {
            replies++;
            LAST_REPLY.set(now);
            Sent sent = outstanding.poll();
            if (sent == null) {
                extras++;
                EXTRAS.add("chat " + chatId + ": a reply to no update (message " + m.id() + ", edit " + m.editCount()
                        + "): " + first(m.text()));
                return;
            }
            SAMPLES.add(new Sample(sent.phase(), sent.kind(), now - sent.nanos(), sent.nanos()));
        }

        synchronized int unanswered() {
            return outstanding.size();
        }

        /** The next update of this chat: one that changes what it shows, whatever state it is in. */
        void act(int slot, String phase) {
            String kind;
            String path;
            String body;
            synchronized (this) {
                BotMessage list = botMessages.values().stream()
                        .filter(m -> m.hasButton(t -> t.startsWith(STUDENT_MARK)) || m.hasButton(BACK::equals))
                        .max((a, b) -> Integer.compare(a.id(), b.id())).orElse(null);
                int step = slot % 6;
                if (!outstanding.isEmpty() || step == 0 || list == null) {
                    // A reply is still due, so the screen may be about to change: a typed command is always answered
                    // with a new message.
                    kind = "menu";
                    path = "/send";
                    body = "{\"text\":\"/menu\"}";
                } else if (step == 1) {
                    kind = "list";
                    path = "/send";
                    body = "{\"text\":" + Json.quote(LIST_LABEL) + ",\"via_keyboard\":true}";
                } else {
                    int[] at;
                    if (list.hasButton(BACK::equals)) {
                        kind = "back";
                        at = position(list, BACK::equals, 0);
                    } else {
                        kind = "student";
                        at = position(list, t -> t.startsWith(STUDENT_MARK), nextStudent++ % students);
                    }
                    path = "/press";
                    body = "{\"message_id\":" + list.id() + ",\"row\":" + at[0] + ",\"column\":" + at[1] + "}";
                }
                outstanding.add(new Sent(System.nanoTime(), kind, phase));
            }
            try {
                var r = send(standin, "POST", "/ui/api/chats/" + chatId + path, null, body);
                if (r.statusCode() != 200) {
                    throw new IOException(r.statusCode() + " " + r.body());
                }
                if (path.equals("/press")) {
                    LAST_PRESS.set(System.nanoTime());
                }
            } catch (Exception e) {
                SEND_ERRORS.incrementAndGet();
                log("chat %d: %s %s failed: %s", chatId, path, body, e.getMessage());
                synchronized (this) {
                    outstanding.pollLast();
                }
            }
        }
    }

    static int[] position(BotMessage m, Predicate<String> text, int index) {
        int found = 0;
        for (List<Map<String, Object>> row : m.keyboard()) {
            for (Map<String, Object> b : row) {
                if (text.test(String.valueOf(b.get("text"))) && found++ == index) {
                    return new int[] {((Number) b.get("row")).intValue(), ((Number) b.get("column")).intValue()};
                }
            }
        }
        throw new IllegalStateException("no such button on message " + m.id());
    }

    @SuppressWarnings("unchecked")
    static List<BotMessage> botMessagesOf(Map<String, Object> answer) {
        List<BotMessage> list = new ArrayList<>();
        for (Object o : (List<Object>) answer.get("messages")) {
            Map<String, Object> m = (Map<String, Object>) o;
            if (Boolean.TRUE.equals(m.get("from_bot")) && !Boolean.TRUE.equals(m.get("deleted"))) {
                list.add(new BotMessage(((Number) m.get("message_id")).intValue(),
                        ((Number) m.getOrDefault("edit_count", 0)).intValue(), String.valueOf(m.get("text")),
                        (List<List<Map<String, Object>>>) (Object) m.getOrDefault("inline_keyboard", List.of())));
            }
        }
        return list;
    }

    // ---- the load -------------------------------------------------------------------------------------------

    record Kill(long at, long pid, long botUpAt, long firstReplyAfter, int restartExit) {
    }

    /** Every chat on its fixed schedule for {@code seconds}; kills and restarts the bot at {@code killAt} if >= 0. */
    static Kill load(List<Chat> chats, int rate, int seconds, String phase, int killAt, Rss rss) throws Exception {
        double perChat = (double) chats.size() / rate;
        int slots = (int) Math.round(seconds / perChat);
        long begin = System.nanoTime() + 200_000_000L;
        long[] kill = new long[] {0, 0, 0, 0, -1};
        Thread killer = null;
        if (killAt >= 0) {
            killer = Thread.ofVirtual().start(() -> kill(begin + killAt * 1_000_000_000L, kill, rss));
        }
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < chats.size(); c++) {
                Chat chat = chats.get(c);
                long offset = (long) (c * 1e9 / rate);
                pool.submit(() -> {
                    for (int slot = 0; slot < slots; slot++) {
                        sleepUntil(begin + offset + (long) (slot * perChat * 1e9));
                        chat.act(slot, phase);
                    }
                    return null;
                });
            }
        }
        if (killer != null) {
            killer.join();
        }
        return killAt < 0 ? null : new Kill(kill[0], kill[1], kill[2], kill[3], (int) kill[4]);
    }

    static void kill(long at, long[] result, Rss rss) {
        try {
            sleepUntil(at);
            // 15 ms after the next button press went out: the bot is most likely handling it (it takes ~30-40 ms),
            // so the kill usually catches an update in hand.
            long giveUpWaiting = System.nanoTime() + 5_000_000_000L;
            while (LAST_PRESS.get() < at && System.nanoTime() < giveUpWaiting) {
                Thread.sleep(1);
            }
            sleepUntil(LAST_PRESS.get() + 15_000_000L);
            long pid = Long.parseLong(Files.readString(state.resolve("pids/telegram-bot.pid")).strip());
            result[1] = pid;
            result[0] = System.nanoTime();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL
            rss.phase = "restart";
            log("kill -9 %d (the bot); ./repitbot up --no-build", pid);
            Path out = state.resolve("logs/bench-restart.log");
            Process up = new ProcessBuilder(root.resolve("repitbot").toString(), "up", "--no-build")
                    .directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
            while (true) {
                try {
                    if (send(bot, "GET", "/health", null, null).body().contains("\"UP\"")) {
                        result[2] = System.nanoTime();
                        break;
                    }
                } catch (Exception notYet) {
                    // starting
                }
                Thread.sleep(200);
            }
            rss.phase = "load";
            result[4] = up.waitFor();
            long giveUp = System.nanoTime() + 180_000_000_000L;
            while (LAST_REPLY.get() <= result[0] && System.nanoTime() < giveUp) {
                Thread.sleep(20);
            }
            result[3] = LAST_REPLY.get();
        } catch (Exception e) {
            log("kill/restart failed: %s", e);
        }
    }

    static boolean awaitAnswered(List<Chat> chats, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (chats.stream().mapToInt(Chat::unanswered).sum() == 0) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    // ---- RSS and metrics --------------------------------------------------------------------------------------

    static final class Rss {
        volatile String phase = "idle";
        final ConcurrentLinkedQueue<double[]> samples = new ConcurrentLinkedQueue<>(); // {second, MiB}
        final Map<String, List<Double>> byPhase = new LinkedHashMap<>();

        void run() {
            while (true) {
                double mib = now();
                if (mib > 0) {
                    synchronized (byPhase) {
                        byPhase.computeIfAbsent(phase, p -> new ArrayList<>()).add(mib);
                    }
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        double now() {
            try {
                String pid = Files.readString(state.resolve("pids/telegram-bot.pid")).strip();
                for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                    }
                }
            } catch (Exception gone) {
                // killed, or not started yet
            }
            return 0;
        }

        String summary(String phase) {
            List<Double> list;
            synchronized (byPhase) {
                list = new ArrayList<>(byPhase.getOrDefault(phase, List.of()));
            }
            if (list.isEmpty()) {
                return "-";
            }
            Collections.sort(list);
            return String.format("%.0f-%.0f MiB (median %.0f, %d samples)", list.getFirst(), list.getLast(),
                    list.get(list.size() / 2), list.size());
        }
    }

    /** The bot's own numbers from /metrics: sums over every label set, by metric name. */
    static Map<String, Double> botMetrics() {
        Map<String, Double> sums = new HashMap<>();
        try {
            var r = HTTP.send(HttpRequest.newBuilder(URI.create(bot + "/metrics")).header("Accept", "text/plain")
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            for (String line : r.body().split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                int space = line.lastIndexOf(' ');
                String name = line.substring(0, space);
                String labels = name.contains("{") ? name.substring(name.indexOf('{')) : "";
                String base = name.contains("{") ? name.substring(0, name.indexOf('{')) : name;
                double v = Double.parseDouble(line.substring(space + 1));
                String scope = labels.contains("scope=\"") ? labels.replaceAll(".*scope=\"([^\"]*)\".*", ":$1") : "";
                sums.merge(base + scope, v, base.endsWith("_max") ? Math::max : Double::sum);
            }
        } catch (Exception e) {
            log("metrics not read: %s", e);
        }
        return sums;
    }

    static Map<String, Integer> standinStats() throws Exception {
        String body = send(standin, "GET", "/ui/api/stats", null, null).body();
        @SuppressWarnings("unchecked")
        Map<String, Object> stats = (Map<String, Object>) Json.parse(body);
        Map<String, Integer> out = new HashMap<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> calls = (Map<String, Object>) stats.get("calls");
        calls.forEach((k, v) -> out.put(k, ((Number) v).intValue()));
        out.put("429", ((List<?>) stats.get("too_many_requests")).size());
        return out;
    }

    // ---- the report ------------------------------------------------------------------------------------------

    static void report(List<Chat> chats, Kill kill, Rss rss, double rssIdle, Map<String, Double> before,
            Map<String, Double> after, Map<String, Integer> standinBefore, Map<String, Integer> standinAfter,
            boolean drained, double drainSeconds) {
        List<Sample> load = SAMPLES.stream().filter(s -> s.phase().equals("load")).toList();
        int lost = chats.stream().mapToInt(Chat::unanswered).sum();
        int extras = chats.stream().mapToInt(c -> c.extras).sum();
        int sent = load.size() + lost;
        System.out.println();
        System.out.println("== Telegram bot: update -> reply ==");
        System.out.printf("updates sent: %d (send errors %d); answered: %d; lost (no reply): %d; handled twice (an "
                + "extra reply): %d%s%n", sent, SEND_ERRORS.get(), load.size(), lost, extras,
                drained ? "" : " — NOT all answered within the drain time");
        System.out.printf("all answered %.1f s after the last update was sent%n", drainSeconds);
        System.out.println("latency, all:           " + stats(load, s -> true));
        System.out.println("latency, typed (/menu, the list key): " + stats(load, s -> !s.kind().equals("student")
                && !s.kind().equals("back")));
        System.out.println("latency, inline presses (profile, back): " + stats(load, s -> s.kind().equals("student")
                || s.kind().equals("back")));
        Map<String, Long> kinds = new java.util.TreeMap<>();
        load.forEach(s -> kinds.merge(s.kind(), 1L, Long::sum));
        System.out.println("updates by kind: " + kinds);
        if (kill != null) {
            double killSecond = (kill.at() - T0) / 1e9;
            System.out.printf("kill -9 of pid %d; bot healthy again %.1f s later (./repitbot up --no-build exit %d); "
                    + "first reply after the kill %.1f s after it%n", kill.pid(), (kill.botUpAt() - kill.at()) / 1e9,
                    kill.restartExit(), (kill.firstReplyAfter() - kill.at()) / 1e9);
            List<Sample> during = load.stream().filter(s -> s.sentAt() + s.nanos() > kill.at()
                    && s.sentAt() < kill.firstReplyAfter()).toList();
            List<Sample> beforeKill = load.stream().filter(s -> s.sentAt() + s.nanos() < kill.at()).toList();
            List<Sample> steady = load.stream().filter(s -> s.sentAt() > kill.firstReplyAfter() + 10_000_000_000L)
                    .toList();
            System.out.println("latency, answered before the kill:     " + stats(beforeKill, s -> true));
            System.out.println("latency, in flight or sent during the gap: " + stats(during, s -> true));
            System.out.println("latency, sent 10 s+ after the bot answered again: " + stats(steady, s -> true));
            System.out.printf("(kill at %.1f s of the program's run)%n", killSecond);
        }
        EXTRAS.stream().limit(10).forEach(e -> System.out.println("  extra: " + e));
        System.out.println();
        System.out.println("== the bot's RSS (VmRSS) ==");
        System.out.printf("idle before the load: %.0f MiB; under load: %s%n", rssIdle, rss.summary("load"));
        if (kill != null) {
            System.out.println("while restarting: " + rss.summary("restart"));
        }
        System.out.println("after: " + rss.summary("after"));
        System.out.println();
        System.out.println("== where the time goes (the bot's /metrics" + (kill != null
                ? ", after the restart only: the killed process took its counters along" : ", during the load") + ") ==");
        Map<String, Double> d = kill != null ? after : delta(before, after);
        double handled = d.getOrDefault("bot_update_handling_seconds_count", 0.0);
        System.out.printf("updates handled: %.0f, mean handling %.1f ms (max %.0f ms) — gateway calls and sends "
                + "included%n", handled, 1000 * d.getOrDefault("bot_update_handling_seconds_sum", 0.0)
                / Math.max(1, handled), 1000 * after.getOrDefault("bot_update_handling_seconds_max", 0.0));
        for (String scope : List.of("chat", "global")) {
            double count = d.getOrDefault("bot_telegram_limit_wait_seconds_count:" + scope, 0.0);
            double sum = d.getOrDefault("bot_telegram_limit_wait_seconds_sum:" + scope, 0.0);
            System.out.printf("waiting for Telegram's %s limit: %.0f calls, %.1f s in all, %.1f ms per update handled "
                    + "(max %.0f ms)%n", scope, count, sum, 1000 * sum / Math.max(1, handled),
                    1000 * after.getOrDefault("bot_telegram_limit_wait_seconds_max:" + scope, 0.0));
        }
        System.out.printf("re-handled after a crash: %.0f; 429s from the stand-in: %d; stand-in calls: sendMessage "
                + "%d, editMessageText %d, answerCallbackQuery %d%n",
                after.getOrDefault("bot_updates_retried_total", 0.0),
                standinAfter.getOrDefault("429", 0) - standinBefore.getOrDefault("429", 0),
                diff(standinBefore, standinAfter, "sendMessage"), diff(standinBefore, standinAfter, "editMessageText"),
                diff(standinBefore, standinAfter, "answerCallbackQuery"));
    }

    static int diff(Map<String, Integer> before, Map<String, Integer> after, String key) {
        return after.getOrDefault(key, 0) - before.getOrDefault(key, 0);
    }

    static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> d = new HashMap<>();
        after.forEach((k, v) -> d.put(k, k.endsWith("_max") ? v : v - before.getOrDefault(k, 0.0)));
        return d;
    }

    static String stats(List<Sample> samples, Predicate<Sample> which) {
        List<Long> sorted = new ArrayList<>(samples.stream().filter(which).map(Sample::nanos).toList());
        if (sorted.isEmpty()) {
            return "n=0";
        }
        Collections.sort(sorted);
        return String.format("n=%d p50=%.0f ms p95=%.0f ms p99=%.0f ms max=%.0f ms", sorted.size(), pct(sorted, 0.50),
                pct(sorted, 0.95), pct(sorted, 0.99), sorted.getLast() / 1e6);
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    static void machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        log("machine: %d cores (%s), load average %s, Java %s", Runtime.getRuntime().availableProcessors(), cpu,
                Files.readString(Path.of("/proc/loadavg")).strip(), System.getProperty("java.version"));
    }

    // ---- plumbing -------------------------------------------------------------------------------------------

    static HttpResponse<String> send(String base, String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(40))
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static void check(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + ": " + r.statusCode() + " " + r.body());
        }
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[%6.1f s] %s%n", (System.nanoTime() - T0) / 1e9, String.format(format, args));
    }

    static String first(String text) {
        String line = text == null ? "" : text.lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }

    static String value(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + key + " in demo.env"));
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** Just enough JSON for the stand-in's answers: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json p = new Json(text);
            Object v = p.value();
            p.space();
            if (p.i != p.s.length()) {
                throw new IllegalArgumentException("trailing JSON at " + p.i);
            }
            return v;
        }

        static String quote(String text) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            space();
            char c = s.charAt(i);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Object literal(String word, Object v) {
            if (!s.startsWith(word, i)) {
                throw new IllegalArgumentException("bad JSON at " + i);
            }
            i += word.length();
            return v;
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            space();
            if (s.charAt(i) == '}') {
                i++;
                return m;
            }
            while (true) {
                space();
                String key = string();
                space();
                i++; // :
                m.put(key, value());
                space();
                char c = s.charAt(i++);
                if (c == '}') {
                    return m;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            i++;
            space();
            if (s.charAt(i) == ']') {
                i++;
                return list;
            }
            while (true) {
                list.add(value());
                space();
                char c = s.charAt(i++);
                if (c == ']') {
                    return list;
                }
            }
        }

        private String string() {
            StringBuilder b = new StringBuilder();
            i++;
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
        }

        private Number number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String n = s.substring(start, i);
            if (n.contains(".") || n.contains("e") || n.contains("E")) {
                return Double.parseDouble(n);
            }
            return Long.parseLong(n);
        }
    }
}
