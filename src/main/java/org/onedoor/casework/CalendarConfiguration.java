package org.onedoor.casework;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CalendarConfiguration {

    @Bean
    WorkingDayCalendar workingDayCalendar(CalendarSettings settings) {
        return new WorkingDayCalendar(settings.zone(), settings.weekend(), settings.holidays());
    }
}
