package ru.repitbot.material.client;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;
import ru.repitbot.calls.ServiceCallException;
import ru.repitbot.calls.ServiceCalls;
import tools.jackson.databind.JsonNode;

/**
 * Whose a lesson or a homework is, asked of its owner (lesson-service, homework-service) with this service's token
 * at the moment a material is attached or a list is filtered by it — a fresh answer, where an event projection could
 * lag behind a lesson created a moment ago. Unknown is empty; an owner that does not answer is a
 * {@link ServiceCallException} (503 to the caller, who tries again).
 */
@Component
public class OwnerLookup {

    static final String LESSONS = "lesson-service";
    static final String HOMEWORK = "homework-service";

    /** The tutor and the student of a lesson or a homework. */
    public record Owners(long tutorId, long studentId) {
    }

    private final ServiceCalls calls;

    public OwnerLookup(ServiceCalls calls) {
        this.calls = calls;
    }

    public Optional<Owners> lesson(long lessonId) {
        return owners(LESSONS, "/api/v1/lessons/{id}", lessonId);
    }

    public Optional<Owners> homework(long homeworkId) {
        return owners(HOMEWORK, "/api/v1/homework/{id}", homeworkId);
    }

    private Optional<Owners> owners(String service, String path, long id) {
        JsonNode answer;
        try {
            answer = calls.to(service).get().uri(path, id).retrieve().body(JsonNode.class);
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        } catch (RestClientException e) {
            throw new ServiceCallException(service + " did not answer " + path.replace("{id}", Long.toString(id))
                    + ": " + e.getMessage(), e);
        }
        if (answer == null || !answer.path("tutor_id").isNumber() || !answer.path("student_id").isNumber()) {
            throw new ServiceCallException(service + " answered without tutor_id and student_id");
        }
        return Optional.of(new Owners(answer.path("tutor_id").asLong(), answer.path("student_id").asLong()));
    }
}
