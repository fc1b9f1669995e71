package ru.repitbot.scheduler.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.repitbot.config.security.CurrentUser;
import ru.repitbot.models.PageResponse;
import ru.repitbot.scheduler.api.JobViews;
import ru.repitbot.scheduler.app.JobAdmin;

@RestController
@RequestMapping("/api/v1/scheduler/jobs")
@Tag(name = "Scheduler jobs", description = "The scheduled jobs, their runs and a manual trigger (admin and service "
        + "tokens only; 404 for everyone else)")
public class SchedulerController {

    private final JobAdmin admin;

    public SchedulerController(JobAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    @Operation(summary = "Every job: schedule, zone, next and previous fire time, the latest finished run")
    public JobViews.JobList jobs(CurrentUser caller) {
        return admin.jobs(caller);
    }

    @GetMapping("/{name}/runs")
    @Operation(summary = "The runs of one job, newest first",
            description = "Reminder jobs also say the window of moments each run covered and what it sent and "
                    + "dropped. 404 for an unknown job.")
    public PageResponse<JobViews.Run> runs(CurrentUser caller, @PathVariable String name,
            @Parameter(description = "From 1") @RequestParam(required = false) Integer page,
            @Parameter(description = "1 to 100, default 10") @RequestParam(required = false) Integer size) {
        return admin.runs(caller, name, page, size);
    }

    @PostMapping("/{name}/trigger")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Run a job now, once",
            description = "Quartz fires it on a free replica as soon as it can, after a run in progress. A reminder "
                    + "job's run covers the moments since the last one, so an extra run sends nothing twice. 404 for "
                    + "an unknown job.")
    public JobViews.Triggered trigger(CurrentUser caller, @PathVariable String name) {
        return admin.trigger(caller, name);
    }
}
