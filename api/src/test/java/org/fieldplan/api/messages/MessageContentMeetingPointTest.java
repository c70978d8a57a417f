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

/** An e-mail names the street the team meets on, and falls back to the precinct's centre without one. */
class MessageContentMeetingPointTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final Point CENTRE = GEOMETRY.createPoint(new Coordinate(-82.99876, 39.96123));
    private static final Point ON_STREET = GEOMETRY.createPoint(new Coordinate(-82.99901, 39.96170));

    private static MessageContent.Letter letterMeetingAt(VolunteerAssignment.MeetingPlace place) {
        LocalDateTime start = LocalDateTime.of(2026, 10, 31, 9, 0);
        VolunteerAssignment shift = new VolunteerAssignment("V1", "Ana Silva", "org-1", "2026-10-31-am", start,
                start.plusHours(3), new VolunteerAssignment.PrecinctInfo("P1", "Olde Towne", CENTRE, place, null),
                List.of(new VolunteerAssignment.Buddy("V2", "Ben")), 12, null, null);
        return MessageContent.link(new MessageContent.Recipient("Ana Silva", ZoneId.of("America/New_York"),
                List.of(shift), "Call Kim", "https://fieldplan.example/v#t", Instant.parse("2026-11-10T12:00:00Z")));
    }

    @Test
    void theEmailNamesTheStreet() {
        MessageContent.Letter letter = letterMeetingAt(new VolunteerAssignment.MeetingPlace(ON_STREET, "High Street"));

        assertThat(letter.text()).contains("Olde Towne; meeting point: High Street;").doesNotContain("39.96");
        assertThat(letter.html()).contains("meeting point: High Street");
    }

    @Test
    void withoutAStreetTheEmailGivesThePrecinctsCentre() {
        MessageContent.Letter letter = letterMeetingAt(new VolunteerAssignment.MeetingPlace(CENTRE, null));

        assertThat(letter.text()).contains("meeting point: the precinct's centre, 39.96123, -82.99876");
    }
}
