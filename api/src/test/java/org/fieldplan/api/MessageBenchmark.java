package org.fieldplan.api;

import static org.fieldplan.api.ApiClient.json;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fieldplan.api.jobs.Job;
import org.fieldplan.api.jobs.JobService;
import org.fieldplan.api.messages.ContactStore;
import org.fieldplan.api.messages.VolunteerMessages;
import org.fieldplan.domain.Volunteer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Benchmark (not a test; {@code scripts/bench-messages.sh} runs it): the service in this JVM with the demo region
 * (M: 2,000 volunteers) solved, an e-mail contact for every volunteer, and an SMTP server in process (GreenMail).
 * Times one organizer-style send-out of every volunteer's link and shifts (one API call) from the call to the last
 * e-mail received, and prints the figures. Extra arguments go to the service (e.g. the PostGIS store).
 */
public final class MessageBenchmark {

    private static final String KEY = "bench-strategist";

    private MessageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--fieldplan.demo.enabled=true",
                "--fieldplan.demo.size=M", "--fieldplan.demo.seconds=5", "--fieldplan.now=2026-10-31T08:00",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--fieldplan.messages.quiet-start=00:00", "--fieldplan.messages.quiet-end=00:00",
                "--fieldplan.security.keys[0].key=" + KEY, "--fieldplan.security.keys[0].role=STRATEGIST",
                "--logging.level.root=WARN"));
        arguments.addAll(List.of(args));
        ConfigurableApplicationContext service = SpringApplication.run(FieldPlanApplication.class,
                arguments.toArray(String[]::new));
        try {
            ApiClient api = new ApiClient(Integer.parseInt(service.getEnvironment()
                    .getProperty("local.server.port")));
            String jobId = json(api.get("/api/jobs", KEY)).get(0).get("id").asText();
            while (!json(api.get("/api/jobs/" + jobId, KEY)).get("status").asText().equals("SOLVED")) {
                ApiClient.sleep(250);
            }
            Job job = service.getBean(JobService.class).get(jobId);
            VolunteerMessages messages = service.getBean(VolunteerMessages.class);
            List<Volunteer> volunteers = job.requireBestPlan().getVolunteers();
            for (Volunteer volunteer : volunteers) {
                messages.putContact(job, volunteer.getId(), new ContactStore.Contact(
                        volunteer.getId().toLowerCase(Locale.ROOT) + "@example.org", null));
            }

            long start = System.nanoTime();
            HttpResponse<String> sent = api.postJson("/api/jobs/" + jobId + "/messages/links", KEY, "{}");
            long answered = System.nanoTime();
            JsonNode result = json(sent);
            int queued = result.get("queued").asInt();
            if (!smtp.waitForIncomingEmail(600_000, queued)) {
                throw new IllegalStateException("only " + smtp.getReceivedMessages().length + " of " + queued
                        + " e-mails arrived in 10 minutes");
            }
            long delivered = System.nanoTime();
            double seconds = (delivered - start) / 1e9;
            System.out.printf(Locale.ROOT, "link e-mails: %d volunteers, %d queued, %d received by the SMTP server%n",
                    volunteers.size(), queued, smtp.getReceivedMessages().length);
            System.out.printf(Locale.ROOT, "send-out call answered in %.2f s (all queued in the outbox)%n",
                    (answered - start) / 1e9);
            System.out.printf(Locale.ROOT, "queue to delivered: %.2f s (%.0f e-mails/s); store %s; %d cores; "
                    + "load average %.2f%n", seconds, queued / seconds,
                    service.getEnvironment().getProperty("fieldplan.store"),
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            service.close();
            smtp.stop();
        }
        System.exit(0);
    }
}
