package ru.repitbot.standin;

import com.pengrad.telegrambot.TelegramBot;
import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.request.GetUpdates;
import com.pengrad.telegrambot.response.GetUpdatesResponse;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh stand-in on a free port and a pengrad bot pointed at it, per test. */
abstract class StandInTestBase {

    protected TelegramStandIn standIn;
    protected TelegramBot bot;
    protected final HttpClient http = HttpClient.newHttpClient();
    private int offset;

    protected StandInOptions options() {
        return StandInOptions.defaults();
    }

    @BeforeEach
    void startStandIn() {
        standIn = TelegramStandIn.start(0, options());
        bot = new TelegramBot.Builder(standIn.token()).apiUrl(standIn.apiUrl()).fileApiUrl(standIn.fileApiUrl())
                .build();
    }

    @AfterEach
    void stopStandIn() {
        bot.shutdown();
        standIn.close();
        http.close();
    }

    /** One getUpdates (long poll up to timeout s) that confirms what it got on the next call. */
    protected List<Update> poll(int timeoutSeconds) {
        GetUpdatesResponse response = bot.execute(new GetUpdates().offset(offset).timeout(timeoutSeconds));
        assertThat(response.isOk()).as("getUpdates: %s", response.description()).isTrue();
        List<Update> updates = response.updates();
        if (!updates.isEmpty()) {
            offset = updates.getLast().updateId() + 1;
        }
        return updates;
    }

    protected static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            image.setRGB(x, x % height, 0x3a8fd9);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A raw Bot API call: method, form body; returns status and body. */
    protected HttpResponse<String> raw(String method, String contentType, String body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(standIn.apiUrl() + standIn.token() + "/" + method));
            if (body == null) {
                b.GET();
            } else {
                b.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
