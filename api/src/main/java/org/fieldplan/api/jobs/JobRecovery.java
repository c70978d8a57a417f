package org.fieldplan.api.jobs;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Starts claiming from the shared queue once the application is up: queued jobs, and jobs whose instance stopped
 * (resumed from their saved plan).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class JobRecovery implements ApplicationRunner {

    private final JobService jobs;

    JobRecovery(JobService jobs) {
        this.jobs = jobs;
    }

    @Override
    public void run(ApplicationArguments args) {
        jobs.start();
    }
}
