package org.fieldplan.api.messages;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fieldplan.api.assignments.VolunteerAssignment;
import org.springframework.web.util.HtmlUtils;

/**
 * The words of a message to one volunteer: their first name, their shifts in the region's local time (day, hours,
 * precinct name, meeting point, teammates' first names), their organizer's contact and their personal link with its
 * expiry in words. Nothing about another volunteer but a first name: the shifts come from the volunteer's own view of
 * the plan ({@code AssignmentService.forVolunteer} as that volunteer), which has teammates' first names only.
 */
public final class MessageContent {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm",
            Locale.ENGLISH);

    /** A message in its three forms. */
    public record Letter(String subject, String text, String html, String sms) {
    }

    /**
     * Who it is for and what they need to know.
     *
     * @param shifts the volunteer's shifts as they see them, local times in {@code zone}
     */
    public record Recipient(String fullName, ZoneId zone, List<VolunteerAssignment> shifts, String organizerContact,
            String linkUrl, Instant linkExpiresAt) {

        /** The same volunteer with only the shift in {@code slotId} (a reminder is about one shift). */
        Recipient only(String slotId) {
            return new Recipient(fullName, zone, shifts.stream().filter(a -> a.slotId().equals(slotId)).toList(),
                    organizerContact, linkUrl, linkExpiresAt);
        }

        String firstName() {
            return fullName == null || fullName.isBlank() ? "there" : fullName.strip().split("\\s+")[0];
        }
    }

    private MessageContent() {
    }

    /** Their link and shifts (the organizer's send-out, or one link e-mailed). */
    public static Letter link(Recipient r) {
        String intro = "here are your canvassing shifts: where, when and with whom. Tell us there if you are coming "
                + "or cannot make it, and report your doors afterwards.";
        return letter(r, "Your canvassing shifts", intro, List.of(), "your canvassing shifts: ");
    }

    /** A reminder of one shift ({@code r} narrowed to it): the day before, or a set time before it starts. */
    public static Letter reminder(Recipient r, boolean dayBefore) {
        return dayBefore
                ? letter(r, "Reminder: your canvassing shift tomorrow", "a reminder of your canvassing shift "
                        + "tomorrow:", List.of(), "reminder, your shift tomorrow: ")
                : letter(r, "Reminder: your canvassing shift starts soon", "a reminder: your canvassing shift starts "
                        + "soon:", List.of(), "reminder, your shift soon: ");
    }

    /** What a repair or an organizer changed in their shifts, and their shifts as they are now. */
    public static Letter change(Recipient r, List<String> changes) {
        return letter(r, "Your canvassing shifts have changed", "your canvassing shifts have changed:", changes,
                "your shifts changed: ");
    }

    /** One change in words, e.g. "Saturday 31 October, 09:00–12:00: now in Precinct 12 (was Precinct 7)". */
    public static String changeLine(LocalDateTime start, LocalDateTime end, String fromPrecinct, String toPrecinct) {
        String when = when(start, end);
        if (fromPrecinct == null) {
            return when + ": new shift in " + toPrecinct;
        }
        if (toPrecinct == null) {
            return when + ": cancelled (was " + fromPrecinct + ")";
        }
        return when + ": now in " + toPrecinct + " (was " + fromPrecinct + ")";
    }

    /**
     * A shift's new ride: "…: you ride with Ana to Fox Point (pick-up at your home)", or, with no driver any more,
     * "…: no ride any more, you travel to Fox Point on your own".
     */
    public static String rideLine(LocalDateTime start, LocalDateTime end, String precinct, String driverFirstName) {
        String when = when(start, end);
        return driverFirstName == null ? when + ": no ride any more, you travel to " + precinct + " on your own"
                : when + ": you ride with " + driverFirstName + " to " + precinct + " (pick-up at your home)";
    }

    private static Letter letter(Recipient r, String subject, String intro, List<String> changes, String smsIntro) {
        List<String> shiftLines = r.shifts().stream().map(MessageContent::shiftLine).toList();
        String expiry = EXPIRY.format(LocalDateTime.ofInstant(r.linkExpiresAt(), r.zone())) + " (" + r.zone() + ")";
        StringBuilder text = new StringBuilder("Hi " + r.firstName() + ",\n\n" + intro + "\n\n");
        changes.forEach(c -> text.append("- ").append(c).append('\n'));
        if (!changes.isEmpty()) {
            text.append("\nYour shifts now:\n\n");
        }
        if (shiftLines.isEmpty()) {
            text.append("- no shift for now\n");
        }
        shiftLines.forEach(line -> text.append("- ").append(line).append('\n'));
        text.append("\nYour organizer: ").append(r.organizerContact()).append("\n\nYour personal page: ")
                .append(r.linkUrl()).append("\nThe link is personal (no password): please do not forward it. It "
                        + "works until ").append(expiry).append(".\n");

        StringBuilder html = new StringBuilder("<p>Hi " + esc(r.firstName()) + ",</p><p>" + esc(intro) + "</p>");
        if (!changes.isEmpty()) {
            html.append(list(changes)).append("<p>Your shifts now:</p>");
        }
        html.append(shiftLines.isEmpty() ? "<p>No shift for now.</p>" : list(shiftLines))
                .append("<p>Your organizer: ").append(esc(r.organizerContact())).append("</p><p><a href=\"")
                .append(esc(r.linkUrl())).append("\">Open your personal page</a> (personal, please do not forward; "
                        + "works until ").append(esc(expiry)).append(").</p>");

        StringBuilder sms = new StringBuilder("Hi " + r.firstName() + ", " + smsIntro);
        List<String> shortLines = new ArrayList<>(changes.isEmpty()
                ? r.shifts().stream().map(MessageContent::shortShift).toList() : changes);
        sms.append(shortLines.isEmpty() ? "none for now" : String.join("; ", shortLines))
                .append(". Details: ").append(r.linkUrl()).append(" (until ")
                .append(SHORT_DAY.format(LocalDateTime.ofInstant(r.linkExpiresAt(), r.zone())))
                .append("). Reply STOP to opt out.");
        return new Letter(subject, text.toString(), html.toString(), sms.toString());
    }

    private static String shiftLine(VolunteerAssignment a) {
        var place = a.precinct().meetingPoint();
        String meeting = place == null ? "" : place.street() != null ? "; meeting point: " + place.street()
                : String.format(Locale.ROOT, "; meeting point: the precinct's centre, %.5f, %.5f",
                        place.point().getY(), place.point().getX());
        return when(a.start(), a.end()) + ": " + a.precinct().name() + meeting + staging(a) + "; " + team(a);
    }

    /** Where the team meets to get its turf when the region has staging locations: name, address, time. */
    private static String staging(VolunteerAssignment a) {
        var at = a.precinct().meetAt();
        if (at == null) {
            return "";
        }
        return "; meet at " + at.name() + (at.address() == null ? "" : ", " + at.address()) + " at "
                + TIME.format(a.start());
    }

    private static String shortShift(VolunteerAssignment a) {
        return SHORT_DAY.format(a.start()) + " " + TIME.format(a.start()) + "-" + TIME.format(a.end()) + " "
                + a.precinct().name()
                + (a.precinct().meetAt() == null ? "" : " (meet at " + a.precinct().meetAt().name() + ")");
    }

    private static String team(VolunteerAssignment a) {
        List<String> names = a.buddies().stream().map(VolunteerAssignment.Buddy::name)
                .filter(n -> n != null && !n.isBlank()).map(n -> n.strip().split("\\s+")[0]).toList();
        return names.isEmpty() ? "teammates to be confirmed" : "with " + String.join(", ", names);
    }

    private static String when(LocalDateTime start, LocalDateTime end) {
        return DAY.format(start) + ", " + TIME.format(start) + "–" + TIME.format(end);
    }

    private static String list(List<String> lines) {
        StringBuilder html = new StringBuilder("<ul>");
        lines.forEach(line -> html.append("<li>").append(esc(line)).append("</li>"));
        return html.append("</ul>").toString();
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}
