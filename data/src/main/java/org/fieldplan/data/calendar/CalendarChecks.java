package org.fieldplan.data.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.fieldplan.domain.Precinct;
import org.fieldplan.validation.ValidationError;

/**
 * Whether a calendar fits the campaign it is given to ({@code docs/calendar.md}):
 * <ul>
 * <li>its election day (or, without one, its last day) must not be in the past of the {@link CampaignClock}: a
 * calendar of a past election would plan shifts nobody can work;</li>
 * <li>its zone's standard UTC offset must be near the region's solar offset, the longitude of the precincts'
 * mean centre ÷ 15° per hour. Zones follow borders, not meridians, so real zones differ from solar time by up to
 * about an hour in the contiguous US (Eastern time in western Indiana: 0.8 h); more than
 * {@link #WARNING_GAP_HOURS} is a warning (Central time for Connecticut: 1.2 h), more than {@link #REFUSED_GAP_HOURS}
 * a refusal (Pacific time for Connecticut, any European zone for a US state).</li>
 * </ul>
 */
public final class CalendarChecks {

    /** A zone this far from the region's solar time is reported (hours). */
    public static final double WARNING_GAP_HOURS = 1.0;
    /** A zone this far from the region's solar time is refused (hours). */
    public static final double REFUSED_GAP_HOURS = 3.0;

    private CalendarChecks() {
    }

    /** What a check found: errors refuse the calendar (paths relative to it), warnings are reported. */
    public record Verdict(List<ValidationError> errors, List<String> warnings) {

        public Verdict {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }
    }

    /** The error of a calendar whose election day, or last day when it states none, is before today in its zone. */
    public static List<ValidationError> inThePast(CampaignCalendar calendar, LocalDate today) {
        if (calendar.electionDay() != null) {
            return calendar.electionDay().isBefore(today) ? List.of(new ValidationError("electionDay",
                    calendar.electionDay() + " is in the past (today is " + today + " in " + calendar.timeZone()
                            + "): give the coming election's day")) : List.of();
        }
        return calendar.to().isBefore(today) ? List.of(new ValidationError("to", "the calendar's last day "
                + calendar.to() + " is in the past (today is " + today + " in " + calendar.timeZone()
                + "): no slot could be worked")) : List.of();
    }

    /** Both checks for a calendar given with (or to) these precincts. */
    public static Verdict check(CampaignCalendar calendar, LocalDate today, List<Precinct> precincts) {
        List<ValidationError> errors = new ArrayList<>(inThePast(calendar, today));
        Verdict zone = zoneFit(calendar.timeZone(), calendar.from(), precincts);
        errors.addAll(zone.errors());
        return new Verdict(errors, zone.warnings());
    }

    /**
     * How far the zone's standard offset on {@code day} is from the solar offset of the precincts' mean longitude;
     * no finding when there are no precincts.
     */
    public static Verdict zoneFit(ZoneId zone, LocalDate day, List<Precinct> precincts) {
        OptionalDouble longitude = meanLongitude(precincts);
        if (longitude.isEmpty()) {
            return new Verdict(List.of(), List.of());
        }
        ZoneOffset standard = zone.getRules().getStandardOffset(day.atStartOfDay(zone).toInstant());
        double zoneHours = standard.getTotalSeconds() / 3600.0;
        double solarHours = longitude.getAsDouble() / 15.0;
        double gap = Math.abs(zoneHours - solarHours) % 24;
        gap = Math.min(gap, 24 - gap);
        String finding = String.format(Locale.ROOT, "time zone %s (standard time UTC%s) is %.1f hours from the "
                + "region's solar time (UTC%+.1f at longitude %.2f, the precincts' mean centre)", zone.getId(),
                standard.getId().equals("Z") ? "+00:00" : standard.getId(), gap, solarHours,
                longitude.getAsDouble());
        if (gap > REFUSED_GAP_HOURS) {
            return new Verdict(List.of(new ValidationError("timeZone", finding + ": more than "
                    + (int) REFUSED_GAP_HOURS + " hours, so it cannot be the region's zone")), List.of());
        }
        if (gap > WARNING_GAP_HOURS) {
            return new Verdict(List.of(), List.of("CHECK THE TIME ZONE: " + finding + "; every shift would be at "
                    + "the wrong hour if this is not the region's zone"));
        }
        return new Verdict(List.of(), List.of());
    }

    private static OptionalDouble meanLongitude(List<Precinct> precincts) {
        return precincts.stream().filter(p -> p.getCentroid() != null).mapToDouble(p -> p.getCentroid().getX())
                .average();
    }
}
