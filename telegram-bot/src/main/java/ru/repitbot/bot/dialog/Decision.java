package ru.repitbot.bot.dialog;

/** What the {@link Router} does with an event, decided from the event, the login and the dialog alone. */
public sealed interface Decision {

    /** Run a registered handler; {@code endDialog} = the event leaves the dialog in progress first. */
    record Run(FlowRegistry.Entry entry, boolean endDialog, String kind) implements Decision {
    }

    /** A registered section whose flow is not built yet: "coming soon". */
    record Soon(boolean endDialog) implements Decision {
    }

    /** Needs a login the person does not have: "send /start and your code". */
    record NeedsLogin() implements Decision {
    }

    /** The person's role may not use it: refused, nothing changed. */
    record NoAccess() implements Decision {
    }

    /** A button the bot no longer knows (an old message, forged data). */
    record Outdated() implements Decision {
    }

    /** The dialog's step is unknown (the bot was updated mid-dialog): leave it, show the menu. */
    record StaleDialog() implements Decision {
    }

    /** A logged-in person sent something no flow takes: the main menu. */
    record MainMenu() implements Decision {
    }
}
