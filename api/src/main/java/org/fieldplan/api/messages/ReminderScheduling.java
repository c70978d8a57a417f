package org.fieldplan.api.messages;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Runs {@link ShiftReminders#remindDue} every {@code fieldplan.messages.reminders.scan-every}. On PostGIS it is a
 * db-scheduler recurring task (table {@code scheduled_tasks}, migration {@code V23_2}): its next run is kept in the
 * database and one instance of the cluster runs each execution, so the scan runs once across instances and goes on
 * after a restart. With the in-memory store (one process, nothing durable anyway) a timer thread in the process.
 */
@Configuration
public class ReminderScheduling {

    static final String TASK = "shift-reminders";
    private static final String STORE = "fieldplan.store";
    private static final Logger LOG = LoggerFactory.getLogger(ReminderScheduling.class);

    /** Picked up by db-scheduler's Spring Boot starter, which runs on the PostGIS store's data source. */
    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "postgis")
    RecurringTask<Void> shiftRemindersTask(ShiftReminders reminders, MessageProperties properties) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.reminders().scanEvery()))
                .execute((instance, context) -> reminders.remindDue());
    }

    @Bean
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    InProcessTimer inProcessReminderTimer(ShiftReminders reminders, MessageProperties properties) {
        return new InProcessTimer(reminders, properties.reminders().scanEvery().toMillis());
    }

    /** The scan on a timer thread of this process (the in-memory store: there is no database to schedule in). */
    static final class InProcessTimer implements SmartLifecycle {

        private final ShiftReminders reminders;
        private final long everyMillis;
        private ScheduledExecutorService timer;

        InProcessTimer(ShiftReminders reminders, long everyMillis) {
            this.reminders = reminders;
            this.everyMillis = everyMillis;
        }

        @Override
        public void start() {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "shift-reminders");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleWithFixedDelay(this::scan, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
        }

        private void scan() {
            try {
                reminders.remindDue();
            } catch (RuntimeException e) {
                LOG.warn("The reminder scan failed; trying again at the next one", e);
            }
        }

        @Override
        public void stop() {
            timer.shutdownNow();
            timer = null;
        }

        @Override
        public boolean isRunning() {
            return timer != null;
        }
    }
}
