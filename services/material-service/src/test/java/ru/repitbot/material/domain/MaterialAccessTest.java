package ru.repitbot.material.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MaterialAccessTest {

    private static final long TUTOR = 10;
    private static final long OTHER_TUTOR = 11;
    private static final long STUDENT = 20;
    private static final long OTHER_STUDENT = 21;

    @Test
    void adminsAndServicesSeeAndChangeEverything() {
        assertThat(MaterialAccess.all().sees(TUTOR, List.of())).isTrue();
        assertThat(MaterialAccess.all().changes(TUTOR)).isTrue();
        assertThat(MaterialAccess.all().changes(null)).isTrue();
    }

    @Test
    void aTutorSeesTheirOwnAndPublishedAndChangesOnlyTheirOwn() {
        MaterialAccess tutor = MaterialAccess.tutor(TUTOR);
        assertThat(tutor.sees(TUTOR, List.of())).isTrue();
        assertThat(tutor.sees(null, List.of())).isTrue();
        assertThat(tutor.sees(OTHER_TUTOR, List.of(STUDENT))).isFalse();
        assertThat(tutor.changes(TUTOR)).isTrue();
        assertThat(tutor.changes(null)).isFalse();
        assertThat(tutor.changes(OTHER_TUTOR)).isFalse();
    }

    @Test
    void aFamilySeesItsTutorsPublishedAndWhatWasAttachedToItsLessonsAndChangesNothing() {
        MaterialAccess family = MaterialAccess.family(List.of(TUTOR), List.of(STUDENT));
        assertThat(family.sees(TUTOR, List.of())).isTrue();
        assertThat(family.sees(null, List.of())).isTrue();
        assertThat(family.sees(OTHER_TUTOR, List.of())).isFalse();
        assertThat(family.sees(OTHER_TUTOR, List.of(OTHER_STUDENT, STUDENT))).isTrue();
        assertThat(family.sees(OTHER_TUTOR, List.of(OTHER_STUDENT))).isFalse();
        assertThat(family.changes(TUTOR)).isFalse();
        assertThat(family.changes(null)).isFalse();
    }

    @Test
    void aMaterialForEveryGradeSuitsAnyGrade() {
        Material every = new Material(1, TUTOR, "t", null, null, null, List.of(), List.of(), "1",
                java.time.Instant.EPOCH, java.time.Instant.EPOCH, 1);
        Material fifth = new Material(2, TUTOR, "t", null, 5, null, List.of(), List.of(), "1",
                java.time.Instant.EPOCH, java.time.Instant.EPOCH, 1);
        assertThat(every.suits(1)).isTrue();
        assertThat(every.suits(11)).isTrue();
        assertThat(fifth.suits(5)).isTrue();
        assertThat(fifth.suits(6)).isFalse();
    }
}
