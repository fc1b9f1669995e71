package ru.repitbot.achievement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.repitbot.achievement.api.AchievementResponses;
import ru.repitbot.achievement.api.LeaderboardRequest;
import ru.repitbot.achievement.app.Leaderboards;
import ru.repitbot.achievement.app.ProgressQueries;
import ru.repitbot.achievement.app.Rebuild;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.PageQuery;
import ru.repitbot.models.PageResponse;

@RestController
@RequestMapping("/api/v1/achievements")
@Tag(name = "Achievements", description = "Points (+10 attended, +25 topic mastered once per lesson, +15 homework "
        + "accepted; derived from the lessons and homework as they are), streaks (days in a row with an attended "
        + "lesson, in the student's zone), study time and the 19 achievements. A student the caller may not see is "
        + "404.")
public class AchievementController {

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final ProgressQueries queries;
    private final Leaderboards leaderboards;
    private final Rebuild rebuild;

    public AchievementController(ProgressQueries queries, Leaderboards leaderboards, Rebuild rebuild) {
        this.queries = queries;
        this.leaderboards = leaderboards;
        this.rebuild = rebuild;
    }

    @GetMapping("/students/{id}")
    @Operation(summary = "A student's points, streak and study time",
            description = "For the student, their parents, their tutors, admins and services.")
    @ApiResponse(responseCode = "200", description = "The progress")
    @ApiResponse(responseCode = "404", description = "Unknown student or not the caller's",
            content = @Content(mediaType = PROBLEM))
    public AchievementResponses.StudentProgress progress(@Parameter(hidden = true) CurrentUser caller,
            @PathVariable long id) {
        return queries.progress(caller, id);
    }

    @GetMapping("/students/{id}/achievements")
    @Operation(summary = "A student's achievements, newest first")
    @ApiResponse(responseCode = "200", description = "The achievements")
    @ApiResponse(responseCode = "404", description = "Unknown student or not the caller's",
            content = @Content(mediaType = PROBLEM))
    public List<AchievementResponses.Achievement> achievements(@Parameter(hidden = true) CurrentUser caller,
            @PathVariable long id) {
        return queries.achievements(caller, id);
    }

    @GetMapping("/students/{id}/points-history")
    @Operation(summary = "A student's changes of points, newest first",
            description = "Each with its reason, the lesson and/or homework that caused it and the points after it.")
    @ApiResponse(responseCode = "200", description = "One page")
    @ApiResponse(responseCode = "404", description = "Unknown student or not the caller's",
            content = @Content(mediaType = PROBLEM))
    public PageResponse<AchievementResponses.PointChange> history(@Parameter(hidden = true) CurrentUser caller,
            @PathVariable long id,
            @Parameter(description = "From 1") @RequestParam(required = false) Integer page,
            @Parameter(description = "1 to 100, default 10") @RequestParam(required = false) Integer size) {
        return queries.history(caller, id, PageQuery.of(page, size));
    }

    @GetMapping("/catalogue")
    @Operation(summary = "The 19 achievement types", description = "Codes, Russian titles, icons, descriptions and "
            + "what each is reached by.")
    public List<AchievementResponses.CatalogueEntry> catalogue(@Parameter(hidden = true) CurrentUser caller) {
        return queries.catalogue();
    }

    @GetMapping("/leaderboard")
    @Operation(summary = "A tutor's students by points",
            description = "A tutor: their own (tutor_id, if given, must be theirs). A student: their tutor's (tutor_id "
                    + "needed when they have several), only when that tutor has turned it on (else 403). Admins and "
                    + "services: any tutor_id. Parents: 403. Equal points share a rank.")
    @ApiResponse(responseCode = "200", description = "The leaderboard")
    @ApiResponse(responseCode = "400", description = "tutor_id missing where it is needed",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "A parent, or a student whose tutor has it off",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "tutor_id is not the caller's (own or their tutor)",
            content = @Content(mediaType = PROBLEM))
    public AchievementResponses.Leaderboard leaderboard(@Parameter(hidden = true) CurrentUser caller,
            @RequestParam(name = "tutor_id", required = false) Long tutorId) {
        return leaderboards.board(caller, tutorId);
    }

    @PutMapping(path = "/leaderboard/settings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Turn the calling tutor's leaderboard on or off",
            description = "Off by default; while off, the tutor's students do not see it.")
    @ApiResponse(responseCode = "200", description = "The setting now")
    @ApiResponse(responseCode = "400", description = "enabled missing", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "Not a tutor", content = @Content(mediaType = PROBLEM))
    public AchievementResponses.LeaderboardSetting setLeaderboard(@Parameter(hidden = true) CurrentUser caller,
            @Valid @RequestBody LeaderboardRequest request) {
        return leaderboards.set(caller, request.enabled());
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Recompute points, streaks and achievements from lesson-service and homework-service",
            description = "Admins and services. Reads every lesson and accepted homework as they are now (with "
                    + "student_id: that student's only); achievements already awarded are not announced again, newly "
                    + "reached ones are.")
    @ApiResponse(responseCode = "200", description = "What the rebuild read and changed")
    @ApiResponse(responseCode = "403", description = "Not an admin or a service",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "502", description = "lesson-service or homework-service did not answer",
            content = @Content(mediaType = PROBLEM))
    public AchievementResponses.RebuildResult rebuild(@Parameter(hidden = true) CurrentUser caller,
            @Parameter(description = "Only this student's lessons and homework")
            @RequestParam(name = "student_id", required = false) Long studentId) {
        return rebuild.run(caller, studentId);
    }
}
