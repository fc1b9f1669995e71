package ru.repitbot.standin;

import tools.jackson.databind.node.ObjectNode;

/** A Telegram user (or the bot itself) as the Bot API shows it. */
record TgUser(long id, boolean isBot, String firstName, String lastName, String username) {

    ObjectNode json() {
        ObjectNode o = Json.object();
        o.put("id", id);
        o.put("is_bot", isBot);
        o.put("first_name", firstName);
        if (lastName != null && !lastName.isBlank()) {
            o.put("last_name", lastName);
        }
        if (username != null && !username.isBlank()) {
            o.put("username", username);
        }
        if (!isBot) {
            o.put("language_code", "ru");
        }
        return o;
    }

    String displayName() {
        return lastName == null || lastName.isBlank() ? firstName : firstName + " " + lastName;
    }
}
