package org.masthead;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MastheadApplication {

    public static void main(String[] args) {
        SpringApplication.run(MastheadApplication.class, args);
    }
}
