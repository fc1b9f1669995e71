package ru.repitbot.user.config;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.repitbot.models.Role;
import ru.repitbot.user.db.UserRepository;
import ru.repitbot.user.domain.AccessCode;
import ru.repitbot.user.domain.AccessCodeHasher;
import ru.repitbot.user.domain.TimeZones;
import ru.repitbot.user.domain.User;
import ru.repitbot.user.events.UserEventPublisher;

/**
 * Creates the first admin on start-up when none exists and {@code ADMIN_ACCESS_CODE} is set (contracts "First
 * admin"). Replicas starting together serialise on a PostgreSQL advisory lock, so exactly one admin is created.
 * No code is ever built in: without the setting nothing happens.
 */
@Component
public class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    /** Arbitrary, fixed: the advisory lock key of "create the first admin". */
    static final long LOCK_KEY = 0x5245_5049_5441_444DL;

    private final UserSettings settings;
    private final UserRepository users;
    private final AccessCodeHasher hasher;
    private final TimeZones timeZones;
    private final UserEventPublisher events;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public AdminBootstrap(UserSettings settings, UserRepository users, AccessCodeHasher hasher, TimeZones timeZones,
            UserEventPublisher events, JdbcTemplate jdbc, PlatformTransactionManager txManager, Clock clock) {
        this.settings = settings;
        this.users = users;
        this.hasher = hasher;
        this.timeZones = timeZones;
        this.events = events;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        createFirstAdminIfNeeded();
    }

    /**
     * @return whether an admin was created now
     * @throws IllegalStateException when the configured code does not have the access-code format
     */
    public boolean createFirstAdminIfNeeded() {
        String configured = settings.admin().accessCode();
        if (configured == null) {
            log.debug("ADMIN_ACCESS_CODE is not set; no admin is created");
            return false;
        }
        String code = AccessCode.parse(configured).orElseThrow(() -> new IllegalStateException(
                "ADMIN_ACCESS_CODE must be 6 to 10 of A-Z and 0-9"));
        Boolean created = tx.execute(status -> {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", LOCK_KEY);
            if (users.existsByRole(Role.ADMIN)) {
                return false;
            }
            String hash = hasher.hash(code);
            if (users.existsByAccessCodeHash(hash)) {
                log.error("ADMIN_ACCESS_CODE is already another user's code; no admin is created");
                return false;
            }
            User admin = users.save(User.create(Role.ADMIN, settings.admin().fullName(),
                    timeZones.installationDefault(), null, hash, null, clock.instant()));
            events.created(admin, List.of(), List.of());
            log.info("Created the first admin (user {}) from ADMIN_ACCESS_CODE", admin.id());
            return true;
        });
        return Boolean.TRUE.equals(created);
    }
}
