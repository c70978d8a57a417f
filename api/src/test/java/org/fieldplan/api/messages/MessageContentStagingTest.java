package org.fieldplan.api.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.fieldplan.api.assignments.VolunteerAssignment;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/** Where a region has staging locations, reminders and notices say where the team meets: name, address, time. */
class MessageContentStagingTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final Point CENTRE = GEOMETRY.createPoint(new Coordinate(-71.40, 41.82));

    private static MessageContent.Letter letter(VolunteerAssignment.StagingInfo meetAt) {
        LocalDateTime start = LocalDateTime.of(2026, 10, 31, 13, 0);
        VolunteerAssignment shift = new VolunteerAssignment("V1", "Ana Silva", "org-1", "2026-10-31-pm", start,
                start.plusHours(3), new VolunteerAssignment.PrecinctInfo("P1", "Olde Towne", CENTRE,
                        new VolunteerAssignment.MeetingPlace(CENTRE, "High Street"), null, meetAt),
                List.of(), 12, null, null);
        return MessageContent.reminder(new MessageContent.Recipient("Ana Silva", ZoneId.of("America/New_York"),
                List.of(shift), "Call Kim", "https://fieldplan.example/v#t", Instant.parse("2026-11-10T12:00:00Z")),
                true);
    }

    @Test
    void theReminderNamesTheStagingLocationItsAddressAndTheTime() {
        MessageContent.Letter letter = letter(new VolunteerAssignment.StagingInfo("S1", "Fox Point office",
                "12 Wickenden St", CENTRE));

        assertThat(letter.text()).contains("meeting point: High Street; meet at Fox Point office, 12 Wickenden St "
                + "at 13:00;");
        assertThat(letter.sms()).contains("Olde Towne (meet at Fox Point office)");
    }

    @Test
    void aHostileNameIsEscapedInTheHtmlPart() {
        MessageContent.Letter letter = letter(new VolunteerAssignment.StagingInfo("S1", "<img src=x onerror=alert(1)>",
                null, CENTRE));

        assertThat(letter.html()).contains("meet at &lt;img src=x onerror=alert(1)&gt; at 13:00")
                .doesNotContain("<img");
        assertThat(letter.text()).doesNotContain(", null");
    }

    @Test
    void withoutStagingLocationsNothingIsAdded() {
        assertThat(letter(null).text()).doesNotContain("meet at");
    }
}
