package org.fieldplan.api.messages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outbox in the heap (the default store): one process, lost at a restart like the rest of the in-memory data. */
public class InMemoryMessageOutbox implements MessageOutbox {

    /** A row and its lease. */
    private record Row(MessageRecord record, String leaseOwner, Instant leaseExpiresAt) {
    }

    private final Clock clock;
    private final Map<Long, Row> rows = new LinkedHashMap<>();
    private final Map<String, Long> byKey = new LinkedHashMap<>();
    private long nextId = 1;

    public InMemoryMessageOutbox(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized boolean enqueue(OutboundMessage message) {
        if (byKey.containsKey(message.key())) {
            return false;
        }
        Instant now = clock.instant();
        long id = nextId++;
        rows.put(id, new Row(new MessageRecord(id, message, MessageStatus.QUEUED, 0, null, now, now, null, null),
                null, null));
        byKey.put(message.key(), id);
        return true;
    }

    @Override
    public synchronized List<MessageRecord> claim(String owner, int max, Duration lease) {
        Instant now = clock.instant();
        List<MessageRecord> claimed = new ArrayList<>();
        List<Row> due = rows.values().stream().filter(row -> isDue(row, now))
                .sorted(Comparator.comparing((Row row) -> row.record().nextAttemptAt())
                        .thenComparing(row -> row.record().id()))
                .limit(max).toList();
        for (Row row : due) {
            MessageRecord sending = with(row.record(), MessageStatus.SENDING, row.record().attempts(),
                    row.record().lastError(), row.record().nextAttemptAt(), null, null);
            rows.put(sending.id(), new Row(sending, owner, now.plus(lease)));
            claimed.add(sending);
        }
        return claimed;
    }

    private static boolean isDue(Row row, Instant now) {
        MessageRecord r = row.record();
        return (r.status() == MessageStatus.QUEUED && !r.nextAttemptAt().isAfter(now))
                || (r.status() == MessageStatus.SENDING && row.leaseExpiresAt().isBefore(now));
    }

    @Override
    public synchronized boolean renew(long id, String owner, Duration lease) {
        Row row = rows.get(id);
        if (row == null || row.record().status() != MessageStatus.SENDING || !owner.equals(row.leaseOwner())
                || row.leaseExpiresAt().isBefore(clock.instant())) {
            return false;
        }
        rows.put(id, new Row(row.record(), owner, clock.instant().plus(lease)));
        return true;
    }

    @Override
    public synchronized void markSent(long id, String owner) {
        leased(id, owner).ifPresent(r -> put(with(r, MessageStatus.SENT, r.attempts() + 1, r.lastError(),
                r.nextAttemptAt(), clock.instant(), owner)));
    }

    @Override
    public synchronized void reschedule(long id, String owner, Instant at, boolean failedAttempt, String error) {
        leased(id, owner).ifPresent(r -> put(with(r, MessageStatus.QUEUED,
                failedAttempt ? r.attempts() + 1 : r.attempts(), failedAttempt ? error : r.lastError(), at, null,
                null)));
    }

    @Override
    public synchronized void markFinal(long id, String owner, MessageStatus status, String error) {
        leased(id, owner).ifPresent(r -> put(with(r, status,
                status == MessageStatus.FAILED ? r.attempts() + 1 : r.attempts(), error, r.nextAttemptAt(), null,
                null)));
    }

    @Override
    public synchronized List<MessageRecord> forJob(String jobId, String organizerId, int limit) {
        return rows.values().stream().map(Row::record)
                .filter(r -> r.message().jobId().equals(jobId))
                .filter(r -> organizerId == null || organizerId.equals(r.message().organizerId()))
                .sorted(Comparator.comparing(MessageRecord::id).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized Optional<MessageRecord> find(String key) {
        return Optional.ofNullable(byKey.get(key)).map(id -> rows.get(id).record());
    }

    @Override
    public synchronized Map<String, MessageRecord> latestPerVolunteer(String jobId, String organizerId) {
        Map<String, MessageRecord> latest = new HashMap<>();
        // Rows are kept in id order: a later one replaces an earlier one.
        rows.values().stream().map(Row::record).filter(r -> r.message().jobId().equals(jobId))
                .filter(r -> r.message().volunteerId() != null)
                .filter(r -> organizerId == null || organizerId.equals(r.message().organizerId()))
                .forEach(r -> latest.put(r.message().volunteerId(), withoutText(r)));
        return latest;
    }

    private static MessageRecord withoutText(MessageRecord r) {
        OutboundMessage m = r.message();
        return new MessageRecord(r.id(), new OutboundMessage(m.key(), m.channel(), m.recipient(), m.jobId(),
                m.volunteerId(), m.organizerId(), m.kind(), m.subject(), "", null, m.timeZone()), r.status(),
                r.attempts(), r.lastError(), r.createdAt(), r.nextAttemptAt(), r.sentAt(), r.sentBy());
    }

    private Optional<MessageRecord> leased(long id, String owner) {
        Row row = rows.get(id);
        return row != null && row.record().status() == MessageStatus.SENDING && owner.equals(row.leaseOwner())
                ? Optional.of(row.record()) : Optional.empty();
    }

    private void put(MessageRecord record) {
        rows.put(record.id(), new Row(record, null, null));
    }

    private static MessageRecord with(MessageRecord r, MessageStatus status, int attempts, String error,
            Instant nextAttemptAt, Instant sentAt, String sentBy) {
        return new MessageRecord(r.id(), r.message(), status, attempts, error, r.createdAt(), nextAttemptAt, sentAt,
                sentBy);
    }
}
