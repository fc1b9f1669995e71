package ru.repitbot.standin;

import com.pengrad.telegrambot.model.Document;
import com.pengrad.telegrambot.model.File;
import com.pengrad.telegrambot.model.Message;
import com.pengrad.telegrambot.model.PhotoSize;
import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.request.GetFile;
import com.pengrad.telegrambot.request.SendDocument;
import com.pengrad.telegrambot.request.SendPhoto;
import com.pengrad.telegrambot.response.GetFileResponse;
import com.pengrad.telegrambot.response.SendResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FilesTest extends StandInTestBase {

    @Test
    void aUsersPhotoRoundTripsThroughGetFileAndBackToTheUser() throws Exception {
        ChatDriver pupil = standIn.user(2002, "Петя");
        byte[] image = png(64, 48);

        pupil.sendPhoto(image, "домашка");
        List<Update> updates = poll(2);

        Message m = updates.getFirst().message();
        assertThat(m.caption()).isEqualTo("домашка");
        PhotoSize photo = m.photo()[m.photo().length - 1];
        assertThat(photo.width()).isEqualTo(64);
        assertThat(photo.height()).isEqualTo(48);
        assertThat(photo.fileSize()).isEqualTo(image.length);

        GetFileResponse file = bot.execute(new GetFile(photo.fileId()));
        assertThat(file.isOk()).isTrue();
        File f = file.file();
        assertThat(f.fileId()).isEqualTo(photo.fileId());
        assertThat(f.fileUniqueId()).isEqualTo(photo.fileUniqueId());
        assertThat(f.filePath()).startsWith("photos/");
        assertThat(bot.getFullFilePath(f)).startsWith(standIn.fileApiUrl() + standIn.token() + "/photos/");
        assertThat(bot.getFileContent(f)).isEqualTo(image);

        SendResponse back = bot.execute(new SendPhoto(2002L, photo.fileId()).caption("проверено"));
        assertThat(back.isOk()).as(back.description()).isTrue();
        assertThat(back.message().photo()[0].fileId()).isEqualTo(photo.fileId());
        ChatMessage shown = pupil.lastBotMessage();
        assertThat(shown.photo().fileId()).isEqualTo(photo.fileId());
        assertThat(shown.caption()).isEqualTo("проверено");
    }

    @Test
    void theBotUploadsAPhotoAndADocument() throws Exception {
        ChatDriver pupil = standIn.user(2002, "Петя");
        byte[] pdf = "%PDF-1.4 fake".getBytes(StandardCharsets.US_ASCII);

        SendResponse photo = bot.execute(new SendPhoto(2002L, png(10, 20)));
        SendResponse doc = bot.execute(new SendDocument(2002L, pdf).fileName("отчёт.pdf").caption("Отчёт"));

        assertThat(photo.isOk()).as(photo.description()).isTrue();
        assertThat(photo.message().photo()[0].height()).isEqualTo(20);
        assertThat(doc.isOk()).as(doc.description()).isTrue();
        Document d = doc.message().document();
        assertThat(d.fileName()).isEqualTo("отчёт.pdf");
        assertThat(d.mimeType()).isEqualTo("application/pdf");
        assertThat(bot.getFileContent(bot.execute(new GetFile(d.fileId())).file())).isEqualTo(pdf);
        assertThat(pupil.lastBotMessage().document().fileName()).isEqualTo("отчёт.pdf");

        // A file_id is sent again as the same kind only; an unknown one is refused.
        assertThat(bot.execute(new SendDocument(2002L, d.fileId())).isOk()).isTrue();
        SendResponse wrongKind = bot.execute(new SendPhoto(2002L, d.fileId()));
        assertThat(wrongKind.errorCode()).isEqualTo(400);
        assertThat(wrongKind.description()).isEqualTo("Bad Request: can't use file of type Document as Photo");
        SendResponse unknown = bot.execute(new SendPhoto(2002L, "AgACAgIAAxk-no-such-file"));
        assertThat(unknown.description()).isEqualTo("Bad Request: wrong file identifier/HTTP URL specified");
        SendResponse notAnImage = bot.execute(new SendPhoto(2002L, pdf));
        assertThat(notAnImage.description()).isEqualTo("Bad Request: IMAGE_PROCESS_FAILED");
    }

    @Test
    void aUsersDocumentKeepsItsNameAndType() throws Exception {
        ChatDriver pupil = standIn.user(2002, "Петя");
        byte[] text = "решение задачи 5".getBytes(StandardCharsets.UTF_8);

        pupil.sendDocument("решение.txt", text);
        Document d = poll(2).getFirst().message().document();

        assertThat(d.fileName()).isEqualTo("решение.txt");
        assertThat(d.mimeType()).isEqualTo("text/plain");
        assertThat(d.fileSize()).isEqualTo(text.length);
        assertThat(bot.getFileContent(bot.execute(new GetFile(d.fileId())).file())).isEqualTo(text);
        assertThat(bot.execute(new GetFile("BQAC-unknown")).description()).isEqualTo("Bad Request: invalid file_id");
    }
}
