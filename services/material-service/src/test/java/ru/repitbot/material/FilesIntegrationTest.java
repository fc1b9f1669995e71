package ru.repitbot.material;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ru.repitbot.testsupport.ApiClient;
import tools.jackson.databind.JsonNode;

/** Uploaded files: limits (1 MB and 3 files in these tests), storage on disk, download, Telegram's file_id. */
class FilesIntegrationTest extends IntegrationTest {

    @Test
    void anUploadedFileIsStoredOnDiskAndDownloadedByThoseWhoSeeTheMaterial() throws Exception {
        long tutor = users().tutor();
        long student = users().student(tutor);
        long stranger = users().student(users().tutor());
        long id = create(as(tutor, "tutor"), "Конспект в PDF");
        Part file = pdf("конспект.pdf", 2048);

        ApiClient.ApiResponse r = upload(token(tutor, "tutor"), id, file);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode stored = r.json().get(0);
        String url = stored.path("download_url").asString();
        assertThat(r.header("Location")).isEqualTo(url);
        assertThat(stored.path("content_type").asString()).isEqualTo("application/pdf");
        assertThat(stored.path("size_bytes").asLong()).isEqualTo(2048);
        assertThat(stored.path("telegram_file_id").isNull()).isTrue();
        try (Stream<Path> onDisk = Files.walk(STORAGE.resolve(Long.toString(id)))) {
            assertThat(onDisk.filter(Files::isRegularFile).toList()).hasSize(1);
        }

        HttpResponse<byte[]> got = download(token(student, "student"), url);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(file.content());
        assertThat(got.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(got.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(download(token(stranger, "student"), url).statusCode()).isEqualTo(404);
        assertThat(as(tutor, "tutor").get("/api/v1/materials/" + id).json().path("files").size()).isEqualTo(1);
        assertThat(upload(token(student, "student"), id, file).status()).isEqualTo(403);
        assertThat(upload(token(users().tutor(), "tutor"), id, file).status()).isEqualTo(404);
    }

    @Test
    void tooLargeWrongTypeAndTooManyFilesAreRefusedNamingTheFile() {
        long tutor = users().tutor();
        long id = create(as(tutor, "tutor"), "Много файлов");
        String t = token(tutor, "tutor");

        ApiClient.ApiResponse large = upload(t, id, pdf("big.pdf", 1024 * 1024 + 1));
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.isProblem()).isTrue();
        assertThat(large.json().path("file_name").asString()).isEqualTo("big.pdf");
        assertThat(large.json().path("errors").findValuesAsString("field")).contains("file");

        ApiClient.ApiResponse exe = upload(t, id, new Part("file", "virus.exe", "application/octet-stream",
                "MZ....".getBytes(StandardCharsets.US_ASCII)));
        assertThat(exe.status()).isEqualTo(415);
        ApiClient.ApiResponse renamed = upload(t, id, new Part("file", "virus.pdf", "application/pdf",
                "MZ not a pdf".getBytes(StandardCharsets.US_ASCII)));
        assertThat(renamed.status()).isEqualTo(415);
        ApiClient.ApiResponse empty = upload(t, id, new Part("file", "empty.pdf", "application/pdf", new byte[0]));
        assertThat(empty.status()).isEqualTo(400);

        assertThat(upload(t, id, pdf("a.pdf", 100), pdf("b.pdf", 100), pdf("c.pdf", 100)).status()).isEqualTo(201);
        assertThat(upload(t, id, pdf("d.pdf", 100)).status()).isEqualTo(409);
        assertThat(as(tutor, "tutor").get("/api/v1/materials/" + id).json().path("files").size()).isEqualTo(3);
    }

    @Test
    void aRefusedUploadLeavesNoBytesAndDeletingRemovesThem() throws Exception {
        long tutor = users().tutor();
        long id = create(as(tutor, "tutor"), "Удаляемый");
        String t = token(tutor, "tutor");
        // the second file is refused: the first one's bytes, written already, go with the rolled-back transaction
        assertThat(upload(t, id, pdf("ok.pdf", 100), pdf("huge.pdf", 1024 * 1024 + 1)).status()).isEqualTo(413);
        assertThat(filesOnDisk(id)).isZero();

        JsonNode stored = upload(t, id, pdf("ok.pdf", 100)).json().get(0);
        assertThat(filesOnDisk(id)).isEqualTo(1);
        assertThat(as(tutor, "tutor").delete(stored.path("download_url").asString()).status()).isEqualTo(204);
        assertThat(filesOnDisk(id)).isZero();

        upload(t, id, pdf("again.pdf", 100));
        assertThat(as(tutor, "tutor").delete("/api/v1/materials/" + id).status()).isEqualTo(204);
        assertThat(filesOnDisk(id)).isZero();
    }

    @Test
    void theBotRemembersTelegramsFileIdWithAServiceOrTutorToken() {
        long tutor = users().tutor();
        long student = users().student(tutor);
        long id = create(as(tutor, "tutor"), "Для бота");
        JsonNode stored = upload(token(tutor, "tutor"), id, pdf("bot.pdf", 100)).json().get(0);
        String path = stored.path("download_url").asString() + "/telegram-file-id";

        ApiClient bot = ApiClient.local(port).withToken(ru.repitbot.testsupport.TestTokens.get()
                .service("telegram-bot"));
        ApiClient.ApiResponse r = bot.put(path, Map.of("telegram_file_id", "BQACAgIAAxkBAAIB"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("telegram_file_id").asString()).isEqualTo("BQACAgIAAxkBAAIB");
        assertThat(as(student, "student").get("/api/v1/materials/" + id).json().path("files").get(0)
                .path("telegram_file_id").asString()).isEqualTo("BQACAgIAAxkBAAIB");
        assertThat(as(tutor, "tutor").put(path, Map.of("telegram_file_id", "BQAC-2")).status()).isEqualTo(200);
        assertThat(as(student, "student").put(path, Map.of("telegram_file_id", "x")).status()).isEqualTo(403);
        assertThat(as(tutor, "tutor").put(path, Map.of("telegram_file_id", " ")).status()).isEqualTo(400);
    }

    private static long filesOnDisk(long materialId) throws Exception {
        Path dir = STORAGE.resolve(Long.toString(materialId));
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
