package ru.repitbot.standin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The parameters of one Bot API call, however they came: the query string, an
 * {@code application/x-www-form-urlencoded} body, a {@code multipart/form-data} body (files), or an
 * {@code application/json} body. Objects inside (reply_markup, reply_parameters, allowed_updates) are JSON text, as
 * they travel in form bodies; a JSON body's objects are turned back into that text.
 */
final class Params {

    /** A file part of a multipart body. */
    record Upload(String fileName, String contentType, byte[] bytes) {
    }

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Upload> files = new LinkedHashMap<>();

    static Params of(Map<String, String> values) {
        Params p = new Params();
        p.values.putAll(values);
        return p;
    }

    static Params parse(String rawQuery, String contentType, byte[] body) {
        Params p = new Params();
        p.addUrlEncoded(rawQuery);
        if (body == null || body.length == 0) {
            return p;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            p.addMultipart(contentType, body);
        } else if (type.startsWith("application/json")) {
            p.addJson(body);
        } else {
            // Telegram treats a body without a content type as a form; so do we.
            p.addUrlEncoded(new String(body, StandardCharsets.UTF_8));
        }
        return p;
    }

    private void addUrlEncoded(String raw) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                values.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("invalid URL-encoded parameters");
            }
        }
    }

    private void addJson(byte[] body) {
        JsonNode node = Json.parseOrNull(body);
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest("invalid JSON in the request body");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            if (v == null || v.isNull()) {
                continue;
            }
            values.put(e.getKey(), v.isContainer() ? Json.write(v) : v.asString());
        }
    }

    private void addMultipart(String contentType, byte[] body) {
        for (Multipart.Part part : Multipart.parse(contentType, body)) {
            if (part.fileName() != null) {
                files.put(part.name(), new Upload(part.fileName(), part.contentType(), part.bytes()));
            } else {
                values.put(part.name(), new String(part.bytes(), StandardCharsets.UTF_8));
            }
        }
    }

    boolean has(String name) {
        return values.containsKey(name) || files.containsKey(name);
    }

    /** The value, or null when absent or empty. */
    String string(String name) {
        String v = values.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    /** The value as sent, empty strings included. */
    String raw(String name) {
        return values.get(name);
    }

    Upload file(String name) {
        return files.get(name);
    }

    Long longOrNull(String name) {
        String v = string(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    int integer(String name, int fallback) {
        Long v = longOrNull(name);
        return v == null ? fallback : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    boolean bool(String name) {
        String v = string(name);
        return v != null && (v.equalsIgnoreCase("true") || v.equals("1"));
    }

    /** A JSON-valued parameter (reply_markup…), null when absent; a 400 with {@code error} when it is not JSON. */
    JsonNode json(String name, String error) {
        String v = string(name);
        if (v == null) {
            return null;
        }
        JsonNode node = Json.parseOrNull(v);
        if (node == null) {
            throw ApiError.badRequest(error);
        }
        return node;
    }
}
