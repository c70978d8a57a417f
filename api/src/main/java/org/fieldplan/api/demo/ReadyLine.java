package org.fieldplan.api.demo;

import java.util.Optional;

import org.fieldplan.api.jobs.JobService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prints one line once the service takes requests, e.g.
 * {@code FieldPlan ready on http://localhost:8080 (demo plan: job 5f0c… SOLVING)}: the moment to start a client or
 * a script, and the demo job to read.
 */
@Component
class ReadyLine {

    private static final Logger LOG = LoggerFactory.getLogger(ReadyLine.class);

    private final ObjectProvider<DemoLoader> demo;
    private final JobService jobs;

    ReadyLine(ObjectProvider<DemoLoader> demo, JobService jobs) {
        this.demo = demo;
        this.jobs = jobs;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)
                || web.getWebServer() == null) {
            return;
        }
        LOG.info("{}", line(web.getWebServer().getPort(),
                Optional.ofNullable(demo.getIfAvailable()).flatMap(DemoLoader::jobId)));
    }

    String line(int port, Optional<String> demoJob) {
        String demoPart = demoJob.map(id -> " (demo plan: job " + id + " " + jobs.get(id).getStatus() + ")")
                .orElse("");
        return "FieldPlan ready on http://localhost:" + port + demoPart;
    }
}
