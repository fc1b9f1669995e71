package ru.repitbot.standin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLConnection;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Image dimensions (without decoding the pixels) and MIME types of files. */
final class Images {

    private Images() {
    }

    /** {width, height} of a PNG/JPEG/GIF/BMP/WBMP, or null when the bytes are not such an image. */
    static int[] size(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The MIME type from the file name when it tells, else the declared one, else application/octet-stream. */
    static String mimeType(String fileName, String declared) {
        String guessed = null;
        if (fileName != null) {
            String lower = fileName.toLowerCase(Locale.ROOT);
            guessed = lower.endsWith(".pdf") ? "application/pdf"
                    : lower.endsWith(".docx") ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    : lower.endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    : lower.endsWith(".doc") ? "application/msword"
                    : lower.endsWith(".zip") ? "application/zip"
                    : lower.endsWith(".json") ? "application/json"
                    : lower.endsWith(".md") ? "text/markdown"
                    : lower.endsWith(".csv") ? "text/csv"
                    : lower.endsWith(".webp") ? "image/webp"
                    : URLConnection.guessContentTypeFromName(fileName);
        }
        if (guessed != null) {
            return guessed;
        }
        if (declared != null && !declared.isBlank()) {
            int semi = declared.indexOf(';');
            return (semi < 0 ? declared : declared.substring(0, semi)).trim();
        }
        return "application/octet-stream";
    }
}
