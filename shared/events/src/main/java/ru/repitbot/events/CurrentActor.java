package ru.repitbot.events;

/** Who is making the change being published (the {@code user_id} of the envelope); {@code null} for the system. */
@FunctionalInterface
public interface CurrentActor {

    String userId();
}
