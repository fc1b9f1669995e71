package ru.repitbot.e2e.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import ru.repitbot.e2e.Scenario;
import ru.repitbot.e2e.StackExtension;

/**
 * The chat page of the Telegram stand-in in a real headless Chromium (Debian's chromium + chromium-driver; .ci/run
 * installs them): a person picks the demo tutor, logs in with the code shown beside them, opens the student list from
 * the reply keyboard and sees the demo student. The screenshot is checked by what it shows (the page's content at
 * that moment, and an image that is not blank), not pixel by pixel; it is kept in target/e2e/chat-page.png.
 */
@Order(9)
@ExtendWith(StackExtension.class)
class ChatPageBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(40);

    private final Scenario scenario;

    ChatPageBrowserIT(Scenario scenario) {
        this.scenario = scenario;
    }

    @Test
    void aPersonLogsInAsTheDemoTutorAndSeesTheirStudent() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") == null) {
            assumeTrue(installed, "chromium and chromium-driver are not installed (apt-get install chromium "
                    + "chromium-driver); .ci/run installs them");
        }
        assertThat(installed).as("chromium and chromedriver under /usr/bin").isTrue();
        String student = scenario.stack().demo().getProperty("DEMO_STUDENT_NAME", "Демо Ученик");

        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--window-size=1100,900", "--lang=ru");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            browser.get(BotChat.STANDIN + "/");
            wait.until(d -> "true".equals(d.findElement(By.id("bot-status")).getDomAttribute("data-connected")));

            WebElement tutor = wait.until(d -> d.findElements(By.cssSelector("#persona-list li.persona"))
                    .stream().filter(p -> "tutor".equals(p.getDomAttribute("data-role"))).findFirst().orElse(null));
            String code = tutor.findElement(By.cssSelector(".code")).getDomAttribute("data-code");
            tutor.click();
            wait.until(d -> !d.findElements(By.cssSelector("#chat[data-chat-id]")).isEmpty());

            type(browser, "/start");
            awaitBotText(wait, "код");
            type(browser, code);
            awaitBotText(wait, "Главное меню репетитора");

            WebElement students = wait.until(d -> d.findElements(By.cssSelector("#reply-keyboard .reply-btn"))
                    .stream().filter(b -> b.getDomAttribute("data-text").contains("Список учеников")).findFirst()
                    .orElse(null));
            students.click();
            // The list is a message with one inline button per student.
            wait.until(d -> d.findElements(By.cssSelector("#chat-log .msg[data-from=bot] .inline-btn")).stream()
                    .anyMatch(b -> b.getText().contains(student)));
            List<WebElement> buttons = browser.findElements(By.cssSelector(".inline-btn"));
            assertThat(buttons).extracting(WebElement::getText).anyMatch(text -> text.contains(student));

            byte[] png = browser.getScreenshotAs(OutputType.BYTES);
            Path saved = Path.of(System.getProperty("e2e.outputDirectory", "target/e2e"), "chat-page.png");
            Files.createDirectories(saved.getParent());
            Files.write(saved, png);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isGreaterThan(600);
            assertThat(image.getHeight()).isGreaterThan(400);
            assertThat(distinctColours(image)).as("a page with content, not a blank screen").isGreaterThan(50);
            String visible = browser.findElement(By.id("chat-log")).getText();
            assertThat(visible).contains("Главное меню репетитора", student);
        } finally {
            browser.quit();
        }
    }

    private static void type(ChromeDriver browser, String text) {
        WebElement input = browser.findElement(By.id("message-input"));
        input.clear();
        input.sendKeys(text);
        browser.findElement(By.id("send-button")).click();
    }

    private static void awaitBotText(WebDriverWait wait, String fragment) {
        wait.until(d -> d.findElements(By.cssSelector("#chat-log .msg[data-from=bot] .text")).stream()
                .anyMatch(m -> m.getText().contains(fragment)));
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
