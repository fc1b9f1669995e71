package ru.repitbot.standin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small {@code multipart/form-data} parser (RFC 7578): parts with their name, file name and content type. */
final class Multipart {

    record Part(String name, String fileName, String contentType, byte[] bytes) {
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"([^\"]*)\"|[^;\\s]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("(?<![a-z*])name=(\"((?:\\\\.|[^\"\\\\])*)\"|[^;\\s]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FILE_NAME = Pattern.compile("filename=(\"((?:\\\\.|[^\"\\\\])*)\"|[^;\\s]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FILE_NAME_STAR = Pattern.compile("filename\\*=([^']*)'[^']*'([^;\\s]+)",
            Pattern.CASE_INSENSITIVE);

    private Multipart() {
    }

    static List<Part> parse(String contentType, byte[] body) {
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            throw ApiError.badRequest("multipart body without a boundary");
        }
        String boundary = m.group(2) != null ? m.group(2) : m.group(1);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            throw ApiError.badRequest("malformed multipart body");
        }
        while (true) {
            int after = pos + delimiter.length;
            if (after + 1 < body.length && body[after] == '-' && body[after + 1] == '-') {
                break; // the closing delimiter
            }
            int headersStart = skipLineEnd(body, after);
            int headersEnd = indexOf(body, new byte[] {'\r', '\n', '\r', '\n'}, headersStart);
            int separator = 4;
            if (headersEnd < 0) {
                headersEnd = indexOf(body, new byte[] {'\n', '\n'}, headersStart);
                separator = 2;
            }
            if (headersEnd < 0) {
                throw ApiError.badRequest("malformed multipart body");
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            int contentStart = headersEnd + separator;
            int next = indexOf(body, delimiter, contentStart);
            if (next < 0) {
                throw ApiError.badRequest("malformed multipart body");
            }
            int contentEnd = next;
            if (contentEnd >= 2 && body[contentEnd - 2] == '\r' && body[contentEnd - 1] == '\n') {
                contentEnd -= 2;
            } else if (contentEnd >= 1 && body[contentEnd - 1] == '\n') {
                contentEnd -= 1;
            }
            parts.add(part(headers, Arrays.copyOfRange(body, contentStart, Math.max(contentStart, contentEnd))));
            pos = next;
        }
        return parts;
    }

    private static Part part(String headers, byte[] content) {
        String name = null;
        String fileName = null;
        String type = null;
        for (String line : headers.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (header.equals("content-disposition")) {
                Matcher n = NAME.matcher(value);
                if (n.find()) {
                    name = n.group(2) != null ? unquote(n.group(2)) : n.group(1);
                }
                Matcher star = FILE_NAME_STAR.matcher(value);
                Matcher f = FILE_NAME.matcher(value);
                if (star.find()) {
                    fileName = java.net.URLDecoder.decode(star.group(2).replace("+", "%2B"), StandardCharsets.UTF_8);
                } else if (f.find()) {
                    fileName = f.group(2) != null ? unquote(f.group(2)) : f.group(1);
                }
            } else if (header.equals("content-type")) {
                type = value;
            }
        }
        if (name == null) {
            throw ApiError.badRequest("multipart part without a name");
        }
        return new Part(name, fileName, type, content);
    }

    private static String unquote(String s) {
        return s.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static int skipLineEnd(byte[] body, int pos) {
        if (pos < body.length && body[pos] == '\r') {
            pos++;
        }
        if (pos < body.length && body[pos] == '\n') {
            pos++;
        }
        return pos;
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
