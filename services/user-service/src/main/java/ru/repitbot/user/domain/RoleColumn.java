package ru.repitbot.user.domain;

import jakarta.persistence.Converter;
import ru.repitbot.models.Role;
import ru.repitbot.models.WireEnumColumn;

/** Stores a role by its wire value ({@code tutor}), the spelling every API and event uses. */
@Converter
public class RoleColumn extends WireEnumColumn<Role> {

    public RoleColumn() {
        super(Role.class);
    }
}
