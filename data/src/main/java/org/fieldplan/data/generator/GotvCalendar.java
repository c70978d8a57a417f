package org.fieldplan.data.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.fieldplan.data.calendar.CalendarJson;
import org.fieldplan.data.calendar.CampaignCalendar;
import org.fieldplan.domain.TimeSlot;

/**
 * The get-out-the-vote weekend of the demo and of regions imported without a calendar, declared in the preset
 * {@code org/fieldplan/data/calendar/gotv-weekend-2026.json}: Saturday 31 October to election day Tuesday 3 November 2026,
 * three canvassing slots a day (09:00–12:00, 13:00–16:00, 17:00–20:00, local time in America/New_York), with ids
 * like {@code 2026-10-31-am}, {@code -mid} and {@code -pm}.
 */
public final class GotvCalendar {

    private static final String PRESET = "/org/fieldplan/data/calendar/gotv-weekend-2026.json";
    private static final CampaignCalendar CALENDAR = load();

    /** The time zone the slots' local times are in. */
    public static final String TIME_ZONE = CALENDAR.timeZone().getId();

    private GotvCalendar() {
    }

    /** The demo weekend's calendar. */
    public static CampaignCalendar calendar() {
        return CALENDAR;
    }

    /** The twelve slots of the weekend, in time order (a new list each call). */
    public static List<TimeSlot> weekendSlots() {
        return CALENDAR.slots();
    }

    private static CampaignCalendar load() {
        try (InputStream in = GotvCalendar.class.getResourceAsStream(PRESET)) {
            if (in == null) {
                throw new IllegalStateException("the calendar preset " + PRESET + " is missing from the jar");
            }
            return CalendarJson.read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the calendar preset " + PRESET, e);
        }
    }
}
