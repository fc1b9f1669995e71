package ru.repitbot.homework.domain;

import jakarta.persistence.Converter;
import ru.repitbot.models.HomeworkStatus;
import ru.repitbot.models.WireEnumColumn;

/** The status is stored as its wire value ({@code pending}, {@code submitted}, {@code checked}). */
@Converter(autoApply = true)
public class HomeworkStatusColumn extends WireEnumColumn<HomeworkStatus> {

    public HomeworkStatusColumn() {
        super(HomeworkStatus.class);
    }
}
