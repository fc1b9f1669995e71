package ru.repitbot.deploy.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.repitbot.deploy.Repository;
import ru.repitbot.deploy.launcher.Launcher;

/**
 * {@code ./repitbot backup} and {@code ./repitbot restore} against the real PostgreSQL on 127.0.0.1:5432 (role
 * postgres): a database laid out as an installation's (one schema per service, created by the services' own Flyway
 * migrations, applied with psql) with a tutor's students, lessons, payments and homework with an uploaded file is
 * backed up, restored into an empty database and found identical table by table; a restore over a database with
 * tables is refused unless forced, and then brings changed rows back.
 */
class BackupRestoreTest {

    static final String HOST = "127.0.0.1";
    static final int PORT = 5432;
    static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    static final String SOURCE = "repitbot_backup_src_" + SUFFIX;
    static final String RESTORED = "repitbot_backup_dst_" + SUFFIX;

    @TempDir
    static Path tmp;

    static Path backup;
    static Map<String, String> original;
    static List<String> schemas;

    @BeforeAll
    static void installationWithDataAndItsBackup() throws IOException {
        Launcher.tool("psql", "postgresql-client");
        Launcher.tool("pg_dump", "postgresql-client");
        Launcher.tool("pg_restore", "postgresql-client");
        var ping = psql("postgres", "select 1");
        assertThat(ping.exitCode()).as("PostgreSQL must answer on " + HOST + ":" + PORT + " (role postgres, trust): "
                + ping.output()).isZero();
        assertThat(psql("postgres", "create database " + SOURCE).exitCode()).isZero();
        schemas = migrateEveryService(SOURCE);
        populate(SOURCE);
        original = contents(SOURCE);

        backup = tmp.resolve("nightly.tar");
        // RabbitMQ's management API as the backup asks it: GET /api/definitions/<vhost> with the broker's user.
        HttpServer management = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        management.createContext("/api/definitions/", exchange -> {
            boolean ours = exchange.getRequestURI().getRawPath().equals("/api/definitions/tutoring")
                    && ("Basic " + Base64.getEncoder().encodeToString("repitbot:s3cret".getBytes()))
                            .equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ours ? DEFINITIONS.getBytes() : "{\"error\":\"not_authorised\"}".getBytes();
            exchange.sendResponseHeaders(ours ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        management.start();
        try {
            Map<String, String> env = new LinkedHashMap<>(env(SOURCE));
            env.put("MESSAGE_BROKER_URL", "amqp://repitbot:s3cret@127.0.0.1:5672/tutoring");
            env.put("RABBITMQ_MANAGEMENT_URL", "http://127.0.0.1:" + management.getAddress().getPort());
            var result = Launcher.repitbot(tmp.resolve("state"), env, "backup", backup.toString());
            assertThat(result.exitCode()).as(result.output()).isZero();
        } finally {
            management.stop(0);
        }
    }

    static final String DEFINITIONS = """
            {"queues":[{"name":"repitbot.payment-service","vhost":"tutoring","durable":true,
            "arguments":{"x-queue-type":"quorum"}}],"policies":[{"name":"ha","pattern":"^repitbot"}]}""";

    @AfterAll
    static void dropDatabases() {
        psql("postgres", "drop database if exists " + SOURCE + " with (force)");
        psql("postgres", "drop database if exists " + RESTORED + " with (force)");
    }

    @Test
    void theBackupIsOneTarWithAManifestAndChecksums() {
        var list = Launcher.run(List.of("tar", "-tf", backup.toString()), 30);
        assertThat(list.stdout().lines().map(l -> l.replaceFirst("^\\./", "")).toList())
                .contains("manifest.txt", "SHA256SUMS", "database.dump", "rabbitmq-definitions.json");
        var manifest = Launcher.run(List.of("tar", "-xOf", backup.toString(), "./manifest.txt"), 30).stdout();
        assertThat(Launcher.run(List.of("tar", "-xOf", backup.toString(), "./rabbitmq-definitions.json"), 30).stdout())
                .isEqualTo(DEFINITIONS);
        // A fingerprint of SECRET_KEY, never the key: sha256("repitbot-secret-key:" + key).
        assertThat(manifest).contains("rabbitmq_definitions=rabbitmq-definitions.json",
                "secret_key_sha256=" + sha256Hex("repitbot-secret-key:backup-test-secret")).doesNotContain(
                "=backup-test-secret");
        assertThat(manifest).contains("format=repitbot-backup 1", "database=" + SOURCE,
                "schemas=" + String.join(" ", schemas.stream().sorted().toList()), "flyway.homework=3",
                "flyway.payment=3");
    }

    @Test
    void restoreIntoAnEmptyDatabaseBringsBackEveryStudentsBalanceLessonsAndHomework() {
        Map<String, String> otherKey = new LinkedHashMap<>(env(RESTORED));
        otherKey.put("SECRET_KEY", "a-new-installation-key");
        var result = Launcher.repitbot(tmp.resolve("state"), otherKey, "restore", backup.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.stderr()).as("the access codes of the backup need its SECRET_KEY")
                .contains("SECRET_KEY differs from the one of the backup");

        assertThat(contents(RESTORED)).as("every table of every schema, row by row").isEqualTo(original);
        assertThat(balances(RESTORED)).containsExactly("2|7", "3|3");
        assertThat(value(RESTORED, "select string_agg(topic, ',' order by id) from lesson.lessons"))
                .isEqualTo("Дроби,Проценты,Квадратные уравнения");
        assertThat(value(RESTORED, "select h.status || '|' || a.file_name || '|' || (a.sha256 = encode(sha256(a.content), 'hex'))"
                + " from homework.homework h join homework.homework_attachment a on a.homework_id = h.id"))
                .isEqualTo("submitted|решение.pdf|true");
    }

    @Test
    void restoreRefusesADatabaseWithTablesAndForcedBringsChangedRowsBack() {
        psql(SOURCE, "update payment.payments set voided_at = now(), voided_by = 'oops', void_reason = 'oops'"
                + "; delete from homework.homework; delete from lesson.lessons where id = 11");
        assertThat(balances(SOURCE)).containsExactly("2|-1", "3|-1");
        var refused = Launcher.repitbot(tmp.resolve("state"), env(SOURCE), "restore", backup.toString());
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("is not empty", "--force");
        assertThat(balances(SOURCE)).as("nothing changed by a refused restore").containsExactly("2|-1", "3|-1");

        var forced = Launcher.repitbot(tmp.resolve("state"), env(SOURCE), "restore", backup.toString(), "--force",
                "--replay-events");
        assertThat(forced.exitCode()).as(forced.output()).isZero();
        assertThat(forced.stderr()).doesNotContain("SECRET_KEY");
        assertThat(balances(SOURCE)).containsExactly("2|7", "3|3");
        assertThat(value(SOURCE, "select count(*) from lesson.outbox_event where published_at is null"))
                .as("--replay-events: the sent event is to be sent again").isEqualTo("2");
        Map<String, String> now = contents(SOURCE);
        now.remove("lesson.outbox_event");
        Map<String, String> expected = new LinkedHashMap<>(original);
        expected.remove("lesson.outbox_event");
        assertThat(now).isEqualTo(expected);
    }

    @Test
    void aDamagedBackupIsRefused() throws IOException {
        Path unpacked = Files.createDirectories(tmp.resolve("damaged"));
        assertThat(Launcher.run(List.of("tar", "-xf", backup.toString(), "-C", unpacked.toString()), 30).exitCode())
                .isZero();
        byte[] dump = Files.readAllBytes(unpacked.resolve("database.dump"));
        dump[dump.length / 2] ^= 0x5a;
        Files.write(unpacked.resolve("database.dump"), dump);
        Path damaged = tmp.resolve("damaged.tar");
        assertThat(Launcher.run(List.of("tar", "-cf", damaged.toString(), "-C", unpacked.toString(), "."), 30)
                .exitCode()).isZero();
        String target = "repitbot_backup_bad_" + SUFFIX;
        try {
            var result = Launcher.repitbot(tmp.resolve("state"), env(target), "restore", damaged.toString());
            assertThat(result.exitCode()).isNotZero();
            assertThat(result.stderr()).contains("damaged");
        } finally {
            psql("postgres", "drop database if exists " + target);
        }
    }

    /** Balance per student: lessons paid (payments not voided) minus lessons charged, as payment-service counts. */
    static List<String> balances(String db) {
        return Arrays.asList(value(db, """
                select string_agg(student_id || '|' || balance, ',' order by student_id) from (
                  select s.student_id,
                         coalesce((select sum(lessons_paid) from payment.payments p
                                   where p.student_id = s.student_id and p.voided_at is null), 0)
                       - (select count(*) from payment.lesson_charges c
                          where c.student_id = s.student_id and c.charged and not c.deleted) as balance
                  from (select distinct student_id from payment.lesson_charges) s) b""").split(","));
    }

    /** Every table of the service schemas: its name and an md5 over its rows in a fixed order. */
    static Map<String, String> contents(String db) {
        // One query over all tables (psql is started twice, not once per table: this machine is shared).
        String union = value(db, """
                select string_agg(format('select %L || ''='' || count(*) || '':'' || coalesce(md5(string_agg(t::text, ''|'''
                  || ' order by t::text)), '''') from %I.%I t', schemaname || '.' || tablename, schemaname, tablename),
                  ' union all ' order by schemaname, tablename)
                from pg_tables where schemaname not in ('pg_catalog', 'information_schema')""");
        Map<String, String> tables = new LinkedHashMap<>();
        for (String line : value(db, union).lines().toList()) {
            int eq = line.indexOf('=');
            tables.put(line.substring(0, eq), line.substring(eq + 1));
        }
        assertThat(tables).hasSizeGreaterThan(20);
        return tables;
    }

    /** Flyway's own history table, as Flyway 12 creates it, so that the backup's manifest finds each version. */
    static final String FLYWAY_HISTORY = """
            create table flyway_schema_history (installed_rank int not null primary key, version varchar(50),
              description varchar(200) not null, type varchar(20) not null, script varchar(1000) not null, checksum int,
              installed_by varchar(100) not null, installed_on timestamp not null default now(),
              execution_time int not null, success boolean not null)""";

    /** Creates each service's schema and applies the shared and the service's own migrations, oldest first. */
    static List<String> migrateEveryService(String db) throws IOException {
        Path root = Repository.root();
        List<Path> shared;
        try (Stream<Path> files = Files.walk(root.resolve("shared"))) {
            shared = files.filter(p -> p.toString().contains("/src/main/resources/db/shared/")
                    && p.toString().endsWith(".sql")).toList();
        }
        Pattern schemaLine = Pattern.compile("(?m)^\\s+schema:\\s*([a-z_]+)\\s*$");
        List<String> created = new ArrayList<>();
        try (Stream<Path> services = Files.list(root.resolve("services"))) {
            for (Path service : services.sorted().toList()) {
                Path yml = service.resolve("src/main/resources/application.yml");
                if (!Files.exists(yml)) {
                    continue;
                }
                Matcher m = schemaLine.matcher(Files.readString(yml));
                if (!m.find()) {
                    continue;
                }
                String schema = m.group(1);
                List<Path> migrations = new ArrayList<>(shared);
                Path own = service.resolve("src/main/resources/db/migration");
                if (Files.isDirectory(own)) {
                    try (Stream<Path> files = Files.list(own)) {
                        migrations.addAll(files.filter(p -> p.toString().endsWith(".sql")).toList());
                    }
                }
                migrations.sort(Comparator.comparing(BackupRestoreTest::version, BackupRestoreTest::compareVersions));
                List<String> command = new ArrayList<>(psqlCommand(db));
                command.addAll(List.of("-c", "create schema " + schema + "; set search_path to " + schema, "-c",
                        FLYWAY_HISTORY));
                int rank = 0;
                for (Path migration : migrations) {
                    String name = migration.getFileName().toString();
                    String version = String.join(".", version(migration).stream().map(String::valueOf).toList());
                    command.addAll(List.of("-f", migration.toString(), "-c", "insert into flyway_schema_history"
                            + " (installed_rank, version, description, type, script, installed_by, execution_time, success)"
                            + " values (" + ++rank + ", '" + version + "', '" + name + "', 'SQL', '" + name
                            + "', 'postgres', 0, true)"));
                }
                var result = Launcher.run(command, 120);
                assertThat(result.exitCode()).as(schema + ": " + result.output()).isZero();
                created.add(schema);
            }
        }
        assertThat(created).contains("users", "lesson", "homework", "payment");
        return created;
    }

    static void populate(String db) {
        var result = psql(db, """
                insert into users.users (id, role, full_name, telegram_id, time_zone, grade, access_code_hash) values
                  (1, 'tutor', 'Анна Петровна', 1001, 'Europe/Moscow', null, 'h1'),
                  (2, 'student', 'Ваня Соколов', 1002, 'Europe/Moscow', 7, 'h2'),
                  (3, 'student', 'Маша Иванова', 1003, 'Europe/Kaliningrad', 9, 'h3'),
                  (4, 'parent', 'Ирина Соколова', 1004, 'Europe/Moscow', null, 'h4');
                insert into lesson.lessons (id, tutor_id, student_id, topic, start_at, attendance_status, lesson_status) values
                  (10, 1, 2, 'Дроби', '2026-11-02 15:00+03', 'attended', 'conducted'),
                  (11, 1, 2, 'Проценты', '2026-11-09 15:00+03', 'scheduled', 'not_conducted'),
                  (12, 1, 3, 'Квадратные уравнения', '2026-11-03 16:00+03', 'attended', 'conducted');
                insert into lesson.outbox_event (event_id, event_type, envelope, published_at) values
                  (gen_random_uuid(), 'lesson.created', '{}', now() - interval '1 minute'),
                  (gen_random_uuid(), 'lesson.updated', '{}', null);
                insert into payment.payments (tutor_id, student_id, lessons_paid, amount, currency, method, paid_at, created_by) values
                  (1, 2, 8, 12000.50, 'RUB', 'card', '2026-11-01 10:00+03', 'tutor:1'),
                  (1, 3, 4, null, null, null, '2026-11-01 11:00+03', 'tutor:1');
                insert into payment.lesson_charges (lesson_id, tutor_id, student_id, attendance_status, start_at, charged,
                    version, attendance_version, date_version, makeup_version) values
                  (10, 1, 2, 'attended', '2026-11-02 15:00+03', true, 2, 2, 1, 1),
                  (12, 1, 3, 'attended', '2026-11-03 16:00+03', true, 2, 2, 1, 1);
                insert into homework.lesson (lesson_id, tutor_id, student_id, topic, start_at, version) values
                  (10, 1, 2, 'Дроби', '2026-11-02 15:00+03', 2);
                insert into homework.homework (id, lesson_id, student_id, tutor_id, description, deadline, deadline_set_at,
                    status, submission_text, submitted_at) values
                  (20, 10, 2, 1, '№ 1–15 на стр. 42', '2026-11-08 23:59+03', '2026-11-02 16:00+03', 'submitted',
                   'Решил всё', '2026-11-07 20:00+03');
                insert into homework.homework_attachment (homework_id, kind, file_name, content_type, size_bytes, sha256, content)
                  select 20, 'submission', 'решение.pdf', 'application/pdf', length(c), encode(sha256(c), 'hex'), c
                  from (select convert_to('%PDF-1.4 ' || repeat('решение задачи ', 5000), 'UTF8') as c) f;
                """);
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    static Map<String, String> env(String db) {
        return Map.of("DATABASE_URL", "postgresql://postgres@" + HOST + ":" + PORT + "/" + db,
                "MESSAGE_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672", "SECRET_KEY", "backup-test-secret");
    }

    static List<String> psqlCommand(String db) {
        return List.of("psql", "-X", "-q", "-w", "-At", "-v", "ON_ERROR_STOP=1", "-h", HOST, "-p", String.valueOf(PORT),
                "-U", "postgres", "-d", db);
    }

    static Launcher.Result psql(String db, String sql) {
        List<String> command = new ArrayList<>(psqlCommand(db));
        command.addAll(List.of("-c", sql));
        return Launcher.run(command, 120);
    }

    static String value(String db, String sql) {
        var result = psql(db, sql);
        assertThat(result.exitCode()).as(sql + "\n" + result.output()).isZero();
        return result.stdout().strip();
    }

    static List<Integer> version(Path migration) {
        Matcher m = Pattern.compile("^V([0-9_]+)__").matcher(migration.getFileName().toString());
        assertThat(m.find()).as("a Flyway versioned migration: " + migration).isTrue();
        return Arrays.stream(m.group(1).split("_")).map(Integer::valueOf).toList();
    }

    static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static int compareVersions(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int c = Integer.compare(i < a.size() ? a.get(i) : 0, i < b.size() ? b.get(i) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
