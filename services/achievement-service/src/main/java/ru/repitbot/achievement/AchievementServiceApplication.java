package ru.repitbot.achievement;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AchievementServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AchievementServiceApplication.class, args);
    }
}
