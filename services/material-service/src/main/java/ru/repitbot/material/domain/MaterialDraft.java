package ru.repitbot.material.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import ru.repitbot.models.errors.InvalidFieldException;

/**
 * The content of a material as a tutor or an admin wrote it, checked and normalised (docs/domain/materials.md#what-a-material-holds):
 * a title of 1–200 characters; an optional description (up to 4,000), subject (up to 100) and grade (1–11; none
 * means every grade); up to 20 tags (each 1–50 characters, spaces collapsed, lower case, each once); up to 10 links
 * (absolute http or https, up to 2,000 characters, each once). A value that breaks a rule is a 400 naming its field.
 */
public record MaterialDraft(String title, String description, Integer grade, String subject, List<String> tags,
        List<String> links) {

    public static final int MIN_GRADE = 1;
    public static final int MAX_GRADE = 11;
    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_SUBJECT = 100;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 50;
    public static final int MAX_LINKS = 10;
    public static final int MAX_LINK = 2000;

    public MaterialDraft {
        title = requireText("title", title, MAX_TITLE);
        description = optionalText("description", description, MAX_DESCRIPTION);
        subject = optionalText("subject", subject, MAX_SUBJECT);
        if (grade != null && (grade < MIN_GRADE || grade > MAX_GRADE)) {
            throw new InvalidFieldException("grade", "must be from " + MIN_GRADE + " to " + MAX_GRADE
                    + ", or absent for every grade");
        }
        tags = tags(tags);
        links = links(links);
    }

    /** The first link, for readers that show one (the old bot's «🔗 Ссылка»). */
    public String firstLink() {
        return links.isEmpty() ? null : links.getFirst();
    }

    private static String requireText(String field, String value, int max) {
        String v = optionalText(field, value, max);
        if (v == null) {
            throw new InvalidFieldException(field, "must not be blank");
        }
        return v;
    }

    private static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidFieldException(field, "must be at most " + max + " characters");
        }
        return v;
    }

    static List<String> tags(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String t : raw) {
            if (t == null || t.isBlank()) {
                throw new InvalidFieldException("tags", "a tag must not be blank");
            }
            String tag = t.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (tag.length() > MAX_TAG) {
                throw new InvalidFieldException("tags", "a tag must be at most " + MAX_TAG + " characters");
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidFieldException("tags", "at most " + MAX_TAGS + " tags");
        }
        return List.copyOf(tags);
    }

    static List<String> links(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        List<String> links = new ArrayList<>();
        for (String l : raw) {
            if (l == null || l.isBlank()) {
                throw new InvalidFieldException("links", "a link must not be blank");
            }
            String link = l.strip();
            if (link.length() > MAX_LINK) {
                throw new InvalidFieldException("links", "a link must be at most " + MAX_LINK + " characters");
            }
            if (!isWebAddress(link)) {
                throw new InvalidFieldException("links", "a link must be an absolute http or https address");
            }
            if (!links.contains(link)) {
                links.add(link);
            }
        }
        if (links.size() > MAX_LINKS) {
            throw new InvalidFieldException("links", "at most " + MAX_LINKS + " links");
        }
        return List.copyOf(links);
    }

    private static boolean isWebAddress(String link) {
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
