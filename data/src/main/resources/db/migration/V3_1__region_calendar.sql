-- A region's campaign calendar as declared (CalendarJson's explicit form): time zone, days and slot rules. The
-- region's time_zone and time_slot rows are its expansion, written in the same transaction; null when the slots
-- were stated directly (generated regions, inline problems) rather than declared.
-- (Version 3.1 rather than 3 so that a V3 from another branch merged alongside sorts before it without a clash.)
ALTER TABLE region ADD COLUMN calendar jsonb;
