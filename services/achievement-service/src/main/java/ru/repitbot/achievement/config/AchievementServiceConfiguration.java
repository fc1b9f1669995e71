package ru.repitbot.achievement.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** achievement-service's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AchievementSettings.class)
public class AchievementServiceConfiguration {
}
