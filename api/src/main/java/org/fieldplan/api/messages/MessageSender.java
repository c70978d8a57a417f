package org.fieldplan.api.messages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fieldplan.api.jobs.JobService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: claims due messages under this instance's lease, and for each one honours opt-outs (the
 * message is {@code SUPPRESSED}) and quiet hours in its region's zone (deferred to their end, no attempt counted),
 * then hands it to its channel. A failed attempt is tried again after {@code backoff-millis} × 2^(attempts − 1), up to
 * {@code max-attempts}; a permanent refusal (bad address, channel not configured) fails at once. A message claimed by
 * an instance that dies is claimed again once its lease has run out, so it is delivered at least once. Each message's
 * lease is renewed just before it is handed to its channel, so a slow batch cannot let another sender take it while it
 * waits; a message is sent twice only if its sender dies between the server's acceptance and the row's update (or
 * one delivery outlasts a whole lease).
 */
@Component
public class MessageSender implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(MessageSender.class);

    private final MessageOutbox outbox;
    private final OptOutStore optOuts;
    private final Map<Channel, MessageChannel> channels = new EnumMap<>(Channel.class);
    private final MessageProperties properties;
    private final QuietHours quietHours;
    private final Clock clock;
    private final String instance;
    private final Object wake = new Object();
    private final List<Thread> threads = new java.util.ArrayList<>();
    private volatile boolean running;

    public MessageSender(MessageOutbox outbox, OptOutStore optOuts, List<MessageChannel> channels,
            MessageProperties properties, Clock clock, JobService jobs) {
        this.outbox = outbox;
        this.optOuts = optOuts;
        channels.forEach(channel -> this.channels.put(channel.channel(), channel));
        this.properties = properties;
        this.quietHours = new QuietHours(properties.quietStart(), properties.quietEnd());
        this.clock = clock;
        this.instance = jobs.instanceId();
    }

    /** Looks at the outbox at once (after an enqueue) instead of at the next poll. */
    public void wakeUp() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /**
     * Claims and delivers one batch. @return how many messages it claimed
     *
     * @param owner this instance and thread: a lease belongs to one thread, so that two threads of one instance never
     *     both think they hold a message
     */
    int deliverDue(String owner) {
        Duration lease = Duration.ofMillis(properties.leaseMillis());
        List<MessageRecord> batch = outbox.claim(owner, properties.batchSize(), lease);
        for (MessageRecord message : batch) {
            // A message whose lease ran out while it waited its turn may be another sender's by now: skip it.
            if (outbox.renew(message.id(), owner, lease)) {
                deliver(message, owner);
            }
        }
        return batch.size();
    }

    private void deliver(MessageRecord record, String owner) {
        OutboundMessage m = record.message();
        if (optOuts.isOptedOut(m.recipient())) {
            outbox.markFinal(record.id(), owner, MessageStatus.SUPPRESSED, "the recipient opted out");
            return;
        }
        Optional<Instant> quiet = quietHours.deferUntil(clock.instant(), ZoneId.of(m.timeZone()));
        if (quiet.isPresent()) {
            outbox.reschedule(record.id(), owner, quiet.get(), false, null);
            return;
        }
        MessageChannel channel = channels.get(m.channel());
        try {
            channel.deliver(record);
            outbox.markSent(record.id(), owner);
        } catch (MessageChannel.DeliveryException e) {
            int attempts = record.attempts() + 1;
            if (e.isPermanent() || attempts >= properties.maxAttempts()) {
                outbox.markFinal(record.id(), owner, MessageStatus.FAILED, e.getMessage());
            } else {
                long wait = properties.backoffMillis() << Math.min(attempts - 1, 20);
                outbox.reschedule(record.id(), owner, clock.instant().plusMillis(wait), true, e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warn("Message {} could not be delivered", m.key(), e);
            outbox.reschedule(record.id(), owner, clock.instant().plusMillis(properties.backoffMillis()), true,
                    String.valueOf(e.getMessage()));
        }
    }

    private void loop(String owner) {
        while (running) {
            try {
                if (deliverDue(owner) > 0) {
                    continue;
                }
            } catch (RuntimeException e) {
                LOG.warn("The message sender could not read the outbox; trying again", e);
            }
            synchronized (wake) {
                try {
                    wake.wait(properties.pollMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        if (!properties.senderEnabled()) {
            return;
        }
        running = true;
        // Delivery waits on the servers (SMTP dialogue, the provider's answer): a few threads keep it moving.
        for (int i = 0; i < properties.threads(); i++) {
            String threadOwner = instance + "/" + i;
            Thread thread = new Thread(() -> loop(threadOwner), "message-sender-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    @Override
    public void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
