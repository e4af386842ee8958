package org.onedoor.casework;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code onedoor.calendar}: the zone of working days, the weekly days off and the public holidays known ahead. */
@ConfigurationProperties("onedoor.calendar")
record CalendarSettings(
        @DefaultValue("Asia/Dhaka") ZoneId zone,
        @DefaultValue({"FRIDAY", "SATURDAY"}) Set<DayOfWeek> weekend,
        @DefaultValue List<LocalDate> holidays) {
}
