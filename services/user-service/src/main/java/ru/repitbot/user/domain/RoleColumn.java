package ru.repitbot.user.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import ru.repitbot.models.Role;

/** Stores a role by its wire value ({@code tutor}), the spelling every API and event uses. */
@Converter
public class RoleColumn implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.value();
    }

    @Override
    public Role convertToEntityAttribute(String value) {
        return value == null ? null : Role.fromValue(value);
    }
}
