package ru.repitbot.standin;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandInMainTest {

    @Test
    void personasFromTheCommandLine() {
        Persona p = StandInMain.persona("tutor:4000000000000001:ABC123:Демо Репетитор: старший");

        assertThat(p).isEqualTo(new Persona("Демо Репетитор: старший", "tutor", 4000000000000001L, "ABC123", null));
        assertThat(p.firstName()).isEqualTo("Демо");
        assertThat(p.lastName()).isEqualTo("Репетитор: старший");
        assertThat(StandInMain.persona(":42::Гость").code()).isNull();
        assertThatThrownBy(() -> StandInMain.persona("tutor:x:ABC:Имя")).hasMessageContaining("not a Telegram id");
        assertThatThrownBy(() -> StandInMain.persona("tutor:42")).hasMessageContaining("ROLE:TELEGRAM_ID:CODE:NAME");
    }

    @Test
    void personasFilesAreAnArrayOrAnObject() {
        assertThat(PersonaSource.parse("[{\"name\":\"Анна\",\"telegram_id\":1}]"))
                .containsExactly(new Persona("Анна", null, 1, null, null));
        assertThat(PersonaSource.parse("{\"personas\":[{\"name\":\"Анна\",\"role\":\"student\",\"telegram_id\":\"2\","
                + "\"code\":\"X\",\"hint\":\"h\"}]}")).containsExactly(new Persona("Анна", "student", 2, "X", "h"));
        assertThatThrownBy(() -> PersonaSource.parse("{\"personas\":[{\"name\":\"Без id\"}]}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PersonaSource.parse("{}")).isEqualTo(List.of());
    }
}
