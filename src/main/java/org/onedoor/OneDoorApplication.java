package org.onedoor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OneDoorApplication {

    public static void main(String[] args) {
        SpringApplication.run(OneDoorApplication.class, args);
    }
}
