package ru.repitbot.standin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Telegram's text formatting: {@code parse_mode} HTML, MarkdownV2 and Markdown turned into plain text plus
 * {@code entities} (offsets and lengths in UTF-16 code units), with Telegram's "can't parse entities" errors; the
 * auto-detected entities of user messages (bot commands, links); and safe HTML of a message for the chat page.
 */
final class Formatting {

    /** Text as Telegram stores it (markup removed, surrounding whitespace trimmed) and its entities. */
    record Formatted(String text, ArrayNode entities) {
    }

    private static final class Ent {
        final String type;
        int offset;
        int length;
        String url;
        String language;
        String customEmojiId;

        Ent(String type, int offset) {
            this.type = type;
            this.offset = offset;
        }
    }

    private record Open(String tag, Ent ent, int byteOffset) {
    }

    private static final Pattern COMMAND = Pattern.compile("(?<![\\w/@])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\\w/])");
    private static final Pattern URL = Pattern.compile("(?<![\\w/])https?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]'»]");

    private Formatting() {
    }

    /** Parses {@code raw} per parse mode (null/empty = plain text) and trims it as Telegram does. */
    static Formatted parse(String raw, String parseMode, JsonNode explicitEntities) {
        List<Ent> ents = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        String mode = parseMode == null ? "" : parseMode.trim().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "" -> {
                out.append(raw);
                if (explicitEntities != null && explicitEntities.isArray()) {
                    for (JsonNode e : explicitEntities) {
                        Ent ent = new Ent(Json.text(e, "type") == null ? "bold" : Json.text(e, "type"),
                                e.path("offset").asInt(0));
                        ent.length = e.path("length").asInt(0);
                        ent.url = Json.text(e, "url");
                        ent.language = Json.text(e, "language");
                        ent.customEmojiId = Json.text(e, "custom_emoji_id");
                        ents.add(ent);
                    }
                }
            }
            case "html" -> html(raw, out, ents);
            case "markdownv2" -> markdownV2(raw, out, ents);
            case "markdown" -> markdown(raw, out, ents);
            default -> throw ApiError.badRequest("unsupported parse_mode");
        }
        return trimmed(out.toString(), ents);
    }

    /** The entities Telegram detects in what a user types: bot commands and links. */
    static ArrayNode detect(String text) {
        List<Ent> ents = new ArrayList<>();
        Matcher c = COMMAND.matcher(text);
        while (c.find()) {
            Ent e = new Ent("bot_command", c.start());
            e.length = c.end() - c.start();
            ents.add(e);
        }
        Matcher u = URL.matcher(text);
        while (u.find()) {
            Ent e = new Ent("url", u.start());
            e.length = u.end() - u.start();
            ents.add(e);
        }
        return toJson(ents);
    }

    // ---------------------------------------------------------------------------------------------------------
    // HTML

    private static void html(String s, StringBuilder out, List<Ent> ents) {
        Deque<Open> stack = new ArrayDeque<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '<') {
                int tagStart = i;
                int close = s.indexOf('>', i);
                if (i + 1 < n && s.charAt(i + 1) == '/') {
                    if (close < 0) {
                        throw entities("Unclosed end tag at byte offset " + bytes(s, tagStart));
                    }
                    String name = s.substring(i + 2, close).trim().toLowerCase(Locale.ROOT);
                    if (stack.isEmpty()) {
                        throw entities("Unexpected end tag at byte offset " + bytes(s, tagStart));
                    }
                    Open top = stack.pop();
                    if (!name.equals(top.tag())) {
                        throw entities("Unmatched end tag at byte offset " + bytes(s, tagStart) + ", expected \"</"
                                + top.tag() + ">\", found \"</" + name + ">\"");
                    }
                    finish(top, stack, out, ents);
                    i = close + 1;
                    continue;
                }
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '-')) {
                    j++;
                }
                String name = s.substring(i + 1, j).toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    throw entities("Unsupported start tag \"" + s.substring(i + 1, Math.min(n, i + 2)).trim()
                            + "\" at byte offset " + bytes(s, tagStart));
                }
                // attributes
                java.util.Map<String, String> attrs = new java.util.HashMap<>();
                while (true) {
                    while (j < n && Character.isWhitespace(s.charAt(j))) {
                        j++;
                    }
                    if (j >= n) {
                        throw entities("Unclosed start tag at byte offset " + bytes(s, tagStart));
                    }
                    char a = s.charAt(j);
                    if (a == '>') {
                        j++;
                        break;
                    }
                    if (a == '/' && j + 1 < n && s.charAt(j + 1) == '>') {
                        throw entities("Unsupported start tag \"" + name + "\" at byte offset " + bytes(s, tagStart));
                    }
                    int an = j;
                    while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '-' || s.charAt(j) == '_')) {
                        j++;
                    }
                    if (an == j) {
                        throw entities("Expected equal sign in declaration of an attribute of the tag \"" + name
                                + "\" at byte offset " + bytes(s, j));
                    }
                    String attr = s.substring(an, j).toLowerCase(Locale.ROOT);
                    String value = "";
                    while (j < n && Character.isWhitespace(s.charAt(j))) {
                        j++;
                    }
                    if (j < n && s.charAt(j) == '=') {
                        j++;
                        while (j < n && Character.isWhitespace(s.charAt(j))) {
                            j++;
                        }
                        if (j >= n) {
                            throw entities("Unclosed start tag at byte offset " + bytes(s, tagStart));
                        }
                        char q = s.charAt(j);
                        if (q == '"' || q == '\'') {
                            int end = s.indexOf(q, j + 1);
                            if (end < 0) {
                                throw entities("Unclosed start tag at byte offset " + bytes(s, tagStart));
                            }
                            value = unescapeHtml(s.substring(j + 1, end));
                            j = end + 1;
                        } else {
                            int vs = j;
                            while (j < n && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '>') {
                                j++;
                            }
                            value = unescapeHtml(s.substring(vs, j));
                        }
                    }
                    attrs.put(attr, value);
                }
                Ent ent = switch (name) {
                    case "b", "strong" -> new Ent("bold", out.length());
                    case "i", "em" -> new Ent("italic", out.length());
                    case "u", "ins" -> new Ent("underline", out.length());
                    case "s", "strike", "del" -> new Ent("strikethrough", out.length());
                    case "tg-spoiler" -> new Ent("spoiler", out.length());
                    case "span" -> {
                        if (!"tg-spoiler".equals(attrs.get("class"))) {
                            throw entities("Tag \"span\" must have class \"tg-spoiler\" at byte offset "
                                    + bytes(s, tagStart));
                        }
                        yield new Ent("spoiler", out.length());
                    }
                    case "a" -> {
                        String href = attrs.get("href");
                        Ent e = new Ent(href == null || href.isBlank() ? null : "text_link", out.length());
                        e.url = href;
                        yield e;
                    }
                    case "code" -> {
                        Ent e = new Ent("code", out.length());
                        String cls = attrs.get("class");
                        if (cls != null && cls.startsWith("language-")) {
                            e.language = cls.substring("language-".length());
                        }
                        yield e;
                    }
                    case "pre" -> new Ent("pre", out.length());
                    case "blockquote" -> new Ent(attrs.containsKey("expandable") ? "expandable_blockquote"
                            : "blockquote", out.length());
                    case "tg-emoji" -> {
                        Ent e = new Ent("custom_emoji", out.length());
                        e.customEmojiId = attrs.get("emoji-id");
                        yield e;
                    }
                    default -> throw entities("Unsupported start tag \"" + name + "\" at byte offset "
                            + bytes(s, tagStart));
                };
                stack.push(new Open(name, ent, bytes(s, tagStart)));
                i = j;
            } else if (c == '&') {
                int semi = s.indexOf(';', i);
                String decoded = semi > i && semi - i <= 10 ? entity(s.substring(i + 1, semi)) : null;
                if (decoded != null) {
                    out.append(decoded);
                    i = semi + 1;
                } else {
                    out.append('&');
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        if (!stack.isEmpty()) {
            throw entities("Can't find end tag corresponding to start tag \"" + stack.peek().tag() + "\"");
        }
    }

    private static void finish(Open open, Deque<Open> stack, StringBuilder out, List<Ent> ents) {
        Ent e = open.ent();
        if (e.type == null) {
            return;
        }
        e.length = out.length() - e.offset;
        // <pre><code class="language-x">…</code></pre> is one pre entity with a language.
        if (e.type.equals("code") && e.language != null && !stack.isEmpty() && stack.peek().tag().equals("pre")) {
            stack.peek().ent().language = e.language;
            return;
        }
        if (e.length > 0) {
            ents.add(e);
        }
    }

    private static String entity(String name) {
        switch (name) {
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "amp":
                return "&";
            case "quot":
                return "\"";
            default:
                break;
        }
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
            }
            if (name.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static String unescapeHtml(String s) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            String d = semi > i && semi - i <= 10 ? entity(s.substring(i + 1, semi)) : null;
            if (d != null) {
                b.append(d);
                i = semi + 1;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // MarkdownV2

    private static final String RESERVED_V2 = "_*[]()~`>#+-=|{}.!";

    private static void markdownV2(String s, StringBuilder out, List<Ent> ents) {
        Deque<Open> stack = new ArrayDeque<>();
        int n = s.length();
        int i = 0;
        Ent quote = null;
        while (i < n) {
            char c = s.charAt(i);
            Open top = stack.peek();
            boolean inCode = top != null && (top.ent().type.equals("code") || top.ent().type.equals("pre"));
            if (c == '\\' && i + 1 < n && s.charAt(i + 1) > 0 && s.charAt(i + 1) <= 126) {
                out.append(s.charAt(i + 1));
                i += 2;
                continue;
            }
            if (inCode) {
                if (c == '`') {
                    if (top.ent().type.equals("pre") && s.startsWith("```", i)) {
                        close(stack, out, ents);
                        i += 3;
                    } else if (top.ent().type.equals("code")) {
                        close(stack, out, ents);
                        i++;
                    } else {
                        throw reserved(c);
                    }
                } else {
                    out.append(c);
                    i++;
                }
                continue;
            }
            boolean lineStart = i == 0 || s.charAt(i - 1) == '\n';
            if (c == '\n' && quote != null && !(i + 1 < n && s.charAt(i + 1) == '>')) {
                quote.length = out.length() - quote.offset;
                ents.add(quote);
                quote = null;
            }
            switch (c) {
                case '*' -> {
                    toggle(stack, "bold", s, i, out, ents);
                    i++;
                }
                case '_' -> {
                    if (s.startsWith("__", i)) {
                        toggle(stack, "underline", s, i, out, ents);
                        i += 2;
                    } else {
                        toggle(stack, "italic", s, i, out, ents);
                        i++;
                    }
                }
                case '~' -> {
                    toggle(stack, "strikethrough", s, i, out, ents);
                    i++;
                }
                case '|' -> {
                    if (!s.startsWith("||", i)) {
                        throw reserved(c);
                    }
                    toggle(stack, "spoiler", s, i, out, ents);
                    i += 2;
                }
                case '`' -> {
                    if (s.startsWith("```", i)) {
                        int nl = s.indexOf('\n', i + 3);
                        Ent e = new Ent("pre", 0);
                        int contentStart = i + 3;
                        if (nl >= 0) {
                            String lang = s.substring(i + 3, nl).trim();
                            if (!lang.isEmpty() && lang.matches("[A-Za-z0-9_+#.-]+")) {
                                e.language = lang;
                                contentStart = nl + 1;
                            } else if (lang.isEmpty()) {
                                contentStart = nl + 1;
                            }
                        }
                        e.offset = out.length();
                        stack.push(new Open("```", e, bytes(s, i)));
                        i = contentStart;
                    } else {
                        stack.push(new Open("`", new Ent("code", out.length()), bytes(s, i)));
                        i++;
                    }
                }
                case '[' -> {
                    stack.push(new Open("[", new Ent("text_link", out.length()), bytes(s, i)));
                    i++;
                }
                case '!' -> {
                    if (i + 1 < n && s.charAt(i + 1) == '[') {
                        stack.push(new Open("![", new Ent("custom_emoji", out.length()), bytes(s, i)));
                        i += 2;
                    } else {
                        throw reserved(c);
                    }
                }
                case ']' -> {
                    if (top == null || !(top.tag().equals("[") || top.tag().equals("!["))) {
                        throw reserved(c);
                    }
                    if (i + 1 >= n || s.charAt(i + 1) != '(') {
                        throw reserved(c);
                    }
                    StringBuilder url = new StringBuilder();
                    int j = i + 2;
                    while (j < n && s.charAt(j) != ')') {
                        if (s.charAt(j) == '\\' && j + 1 < n) {
                            j++;
                        }
                        url.append(s.charAt(j));
                        j++;
                    }
                    if (j >= n) {
                        throw entities("Can't find end of a url at byte offset " + bytes(s, i + 1));
                    }
                    Open open = stack.pop();
                    Ent e = open.ent();
                    if (e.type.equals("custom_emoji")) {
                        String u = url.toString();
                        int id = u.indexOf("id=");
                        e.customEmojiId = id >= 0 ? u.substring(id + 3) : u;
                    } else {
                        e.url = url.toString();
                    }
                    e.length = out.length() - e.offset;
                    if (e.length > 0) {
                        ents.add(e);
                    }
                    i = j + 1;
                }
                case '>' -> {
                    if (!lineStart) {
                        throw reserved(c);
                    }
                    if (quote == null) {
                        quote = new Ent("blockquote", out.length());
                    }
                    i++;
                }
                default -> {
                    if (RESERVED_V2.indexOf(c) >= 0) {
                        throw reserved(c);
                    }
                    out.append(c);
                    i++;
                }
            }
        }
        if (quote != null) {
            quote.length = out.length() - quote.offset;
            ents.add(quote);
        }
        if (!stack.isEmpty()) {
            Open open = stack.peek();
            throw entities("Can't find end of " + entityName(open.ent().type) + " entity at byte offset "
                    + open.byteOffset());
        }
    }

    private static void toggle(Deque<Open> stack, String type, String s, int i, StringBuilder out, List<Ent> ents) {
        boolean open = stack.stream().anyMatch(o -> o.ent().type.equals(type));
        if (!open) {
            stack.push(new Open(type, new Ent(type, out.length()), bytes(s, i)));
            return;
        }
        Open top = stack.peek();
        if (!top.ent().type.equals(type)) {
            // entities must nest: the inner one has to end first
            throw entities("Can't find end of " + entityName(top.ent().type) + " entity at byte offset "
                    + top.byteOffset());
        }
        close(stack, out, ents);
    }

    private static void close(Deque<Open> stack, StringBuilder out, List<Ent> ents) {
        Ent e = stack.pop().ent();
        e.length = out.length() - e.offset;
        if (e.length > 0) {
            ents.add(e);
        }
    }

    private static String entityName(String type) {
        return switch (type) {
            case "bold" -> "Bold";
            case "italic" -> "Italic";
            case "underline" -> "Underline";
            case "strikethrough" -> "Strikethrough";
            case "spoiler" -> "Spoiler";
            case "code" -> "Code";
            case "pre" -> "Pre";
            case "custom_emoji" -> "CustomEmoji";
            default -> "TextUrl";
        };
    }

    private static ApiError reserved(char c) {
        return entities("Character '" + c + "' is reserved and must be escaped with the preceding '\\'");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Markdown (legacy)

    private static void markdown(String s, StringBuilder out, List<Ent> ents) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n && "_*`[".indexOf(s.charAt(i + 1)) >= 0) {
                out.append(s.charAt(i + 1));
                i += 2;
                continue;
            }
            String end;
            String type;
            int contentStart;
            if (c == '*' || c == '_') {
                end = String.valueOf(c);
                type = c == '*' ? "bold" : "italic";
                contentStart = i + 1;
            } else if (c == '`') {
                boolean pre = s.startsWith("```", i);
                end = pre ? "```" : "`";
                type = pre ? "pre" : "code";
                contentStart = i + end.length();
            } else if (c == '[') {
                int close = s.indexOf(']', i + 1);
                if (close < 0) {
                    throw entities("Can't find end of the entity starting at byte offset " + bytes(s, i));
                }
                Ent e = new Ent("text_link", out.length());
                out.append(s, i + 1, close);
                e.length = out.length() - e.offset;
                i = close + 1;
                if (i < n && s.charAt(i) == '(') {
                    int paren = s.indexOf(')', i);
                    if (paren < 0) {
                        throw entities("Can't find end of the entity starting at byte offset " + bytes(s, close));
                    }
                    e.url = s.substring(i + 1, paren);
                    i = paren + 1;
                    if (e.length > 0) {
                        ents.add(e);
                    }
                }
                continue;
            } else {
                out.append(c);
                i++;
                continue;
            }
            int close = s.indexOf(end, contentStart);
            if (close < 0) {
                throw entities("Can't find end of the entity starting at byte offset " + bytes(s, i));
            }
            Ent e = new Ent(type, out.length());
            String content = s.substring(contentStart, close);
            if (type.equals("pre")) {
                int nl = content.indexOf('\n');
                if (nl >= 0 && content.substring(0, nl).matches("[A-Za-z0-9_+#.-]+")) {
                    e.language = content.substring(0, nl);
                    content = content.substring(nl + 1);
                }
            }
            out.append(content);
            e.length = out.length() - e.offset;
            if (e.length > 0) {
                ents.add(e);
            }
            i = close + end.length();
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private static Formatted trimmed(String text, List<Ent> ents) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        List<Ent> kept = new ArrayList<>();
        for (Ent e : ents) {
            int s = Math.max(e.offset, start);
            int t = Math.min(e.offset + e.length, end);
            if (t > s) {
                e.offset = s - start;
                e.length = t - s;
                kept.add(e);
            }
        }
        kept.sort(Comparator.comparingInt((Ent e) -> e.offset).thenComparing(e -> -e.length));
        return new Formatted(text.substring(start, end), toJson(kept));
    }

    private static ArrayNode toJson(List<Ent> ents) {
        ArrayNode array = Json.array();
        for (Ent e : ents) {
            ObjectNode o = array.addObject();
            o.put("offset", e.offset);
            o.put("length", e.length);
            o.put("type", e.type);
            if (e.url != null) {
                o.put("url", e.url);
            }
            if (e.language != null) {
                o.put("language", e.language);
            }
            if (e.customEmojiId != null) {
                o.put("custom_emoji_id", e.customEmojiId);
            }
        }
        return array;
    }

    private static int bytes(String s, int index) {
        return s.substring(0, Math.min(index, s.length())).getBytes(StandardCharsets.UTF_8).length;
    }

    private static ApiError entities(String what) {
        return ApiError.badRequest("can't parse entities: " + what);
    }

    // ---------------------------------------------------------------------------------------------------------
    // HTML for the chat page

    /** Escaped HTML of a message text with its entities (links only to http(s) and tg:). */
    static String toHtml(String text, JsonNode entities) {
        if (text == null) {
            return null;
        }
        List<Ent> list = new ArrayList<>();
        if (entities != null && entities.isArray()) {
            for (JsonNode e : entities) {
                Ent ent = new Ent(Json.text(e, "type"), e.path("offset").asInt(0));
                ent.length = e.path("length").asInt(0);
                ent.url = Json.text(e, "url");
                if (ent.type != null && ent.offset >= 0 && ent.length > 0 && ent.offset + ent.length <= text.length()) {
                    if (ent.type.equals("url") && ent.url == null) {
                        ent.url = text.substring(ent.offset, ent.offset + ent.length);
                    }
                    list.add(ent);
                }
            }
        }
        list.sort(Comparator.comparingInt((Ent e) -> e.offset).thenComparing(e -> -e.length));
        StringBuilder b = new StringBuilder();
        render(text, list, 0, text.length(), b);
        return b.toString();
    }

    private static void render(String text, List<Ent> ents, int from, int to, StringBuilder b) {
        int pos = from;
        int k = 0;
        while (k < ents.size()) {
            Ent e = ents.get(k);
            if (e.offset < pos) {
                k++;
                continue;
            }
            if (e.offset >= to) {
                break;
            }
            escape(text.substring(pos, e.offset), b);
            int end = Math.min(e.offset + e.length, to);
            List<Ent> inner = new ArrayList<>();
            int m = k + 1;
            while (m < ents.size() && ents.get(m).offset < end) {
                inner.add(ents.get(m));
                m++;
            }
            String[] tags = tags(e);
            b.append(tags[0]);
            render(text, inner, e.offset, end, b);
            b.append(tags[1]);
            pos = end;
            k = m;
        }
        escape(text.substring(pos, to), b);
    }

    private static String[] tags(Ent e) {
        return switch (e.type) {
            case "bold" -> new String[] {"<b>", "</b>"};
            case "italic" -> new String[] {"<i>", "</i>"};
            case "underline" -> new String[] {"<u>", "</u>"};
            case "strikethrough" -> new String[] {"<s>", "</s>"};
            case "spoiler" -> new String[] {"<span class=\"spoiler\">", "</span>"};
            case "code" -> new String[] {"<code>", "</code>"};
            case "pre" -> new String[] {"<pre>", "</pre>"};
            case "blockquote", "expandable_blockquote" -> new String[] {"<blockquote>", "</blockquote>"};
            case "bot_command" -> new String[] {"<span class=\"cmd\">", "</span>"};
            case "text_link", "url" -> {
                String url = e.url;
                if (url == null || !(url.startsWith("http://") || url.startsWith("https://") || url.startsWith("tg:"))) {
                    yield e.type.equals("url") ? new String[] {"<span class=\"link\">", "</span>"}
                            : new String[] {"<span class=\"link\" title=\"" + attr(String.valueOf(url)) + "\">", "</span>"};
                }
                yield new String[] {"<a href=\"" + attr(url) + "\" target=\"_blank\" rel=\"noopener noreferrer\">", "</a>"};
            }
            default -> new String[] {"", ""};
        };
    }

    private static String attr(String s) {
        StringBuilder b = new StringBuilder();
        escape(s, b);
        return b.toString().replace("\"", "&quot;");
    }

    private static void escape(String s, StringBuilder b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
    }
}
