package ru.repitbot.bot.dialog;

import java.util.ArrayList;
import java.util.List;

/**
 * What sits under a message: inline buttons (edited with the message), a reply keyboard (the role's menu; only on a
 * new message, Telegram cannot edit one in), its removal, or nothing.
 */
public sealed interface Keyboard {

    Keyboard NONE = new None();

    record None() implements Keyboard {
    }

    record Inline(List<List<Button>> rows) implements Keyboard {
        public Inline {
            rows = rows.stream().filter(row -> !row.isEmpty()).map(List::copyOf).toList();
        }
    }

    /** A reply keyboard; pressing a key sends its label as a text, matched by the router to a flow. */
    record Reply(List<List<String>> rows) implements Keyboard {
        public Reply {
            rows = rows.stream().filter(row -> !row.isEmpty()).map(List::copyOf).toList();
        }
    }

    record Remove() implements Keyboard {
    }

    static InlineBuilder inline() {
        return new InlineBuilder();
    }

    /** Builds inline keyboards row by row. */
    final class InlineBuilder {
        private final List<List<Button>> rows = new ArrayList<>();

        public InlineBuilder row(Button... buttons) {
            rows.add(List.of(buttons));
            return this;
        }

        public InlineBuilder row(List<Button> buttons) {
            rows.add(List.copyOf(buttons));
            return this;
        }

        /** One button per row for each of {@code buttons}. */
        public InlineBuilder column(List<Button> buttons) {
            buttons.forEach(this::row);
            return this;
        }

        public Inline build() {
            return new Inline(rows);
        }
    }
}
