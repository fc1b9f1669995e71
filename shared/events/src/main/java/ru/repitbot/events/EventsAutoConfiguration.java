package ru.repitbot.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.repitbot.events.inbox.InboxListener;
import ru.repitbot.events.inbox.QueueDepths;
import ru.repitbot.events.outbox.Outbox;
import ru.repitbot.events.outbox.OutboxRelay;
import ru.repitbot.events.topology.EventTopology;
import ru.repitbot.events.tracing.EventTracing;

/**
 * The event backbone of a service: outbox + confirmed relay, topology, and the idempotent inbox consumer for every
 * {@link EventSubscription} bean. Switch off with {@code repitbot.events.enabled=false}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnProperty(name = "repitbot.events.enabled", matchIfMissing = true)
@ConditionalOnBean({JdbcTemplate.class, RabbitTemplate.class, PlatformTransactionManager.class})
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    /**
     * The trace across the outbox and the broker. Looked up when the bean is made, not by a condition: services are
     * built with Spring AOT, and every deployable has Micrometer Tracing's OpenTelemetry bridge.
     */
    @Bean
    @ConditionalOnMissingBean
    EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new EventTracing(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager txManager, RabbitTemplate rabbit,
            EventsProperties properties, ObjectProvider<MeterRegistry> meters, EventTracing tracing) {
        return new OutboxRelay(jdbc, new TransactionTemplate(txManager), rabbit, properties,
                meters.getIfAvailable(SimpleMeterRegistry::new), tracing);
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(JdbcTemplate jdbc, EventCodec codec, @Value("${spring.application.name}") String service,
            ObjectProvider<CurrentActor> actor, @Lazy OutboxRelay relay, EventTracing tracing) {
        return new Outbox(jdbc, codec, service, () -> {
            CurrentActor current = actor.getIfAvailable();
            return current == null ? null : current.userId();
        }, relay::wakeUp, tracing);
    }

    @Bean
    Declarables repitbotEventTopology(EventsProperties properties,
            @Value("${spring.application.name}") String service, List<EventSubscription<?>> subscriptions) {
        return EventTopology.declare(properties, service,
                subscriptions.stream().map(EventSubscription::eventType).toList());
    }

    @Bean
    @ConditionalOnBean(EventSubscription.class)
    InboxListener inboxListener(@Value("${spring.application.name}") String service,
            List<EventSubscription<?>> subscriptions, JdbcTemplate jdbc, PlatformTransactionManager txManager,
            EventCodec codec, EventsProperties properties, ObjectProvider<MeterRegistry> meters,
            EventTracing tracing) {
        Map<String, List<EventSubscription<?>>> handlers = new LinkedHashMap<>();
        for (EventSubscription<?> s : subscriptions) {
            handlers.computeIfAbsent(s.eventType(), k -> new java.util.ArrayList<>()).add(s);
        }
        return new InboxListener(service, handlers, jdbc, new TransactionTemplate(txManager), codec, properties,
                meters.getIfAvailable(SimpleMeterRegistry::new), tracing);
    }

    @Bean
    @ConditionalOnBean(EventSubscription.class)
    QueueDepths queueDepths(RabbitTemplate rabbit, EventsProperties properties,
            @Value("${spring.application.name}") String service,
            @Value("${repitbot.events.queue-depth-interval:15s}") java.time.Duration interval,
            ObjectProvider<MeterRegistry> meters) {
        return new QueueDepths(rabbit, properties, service, interval, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnBean(EventSubscription.class)
    SimpleMessageListenerContainer inboxContainer(ConnectionFactory connectionFactory, InboxListener listener,
            EventsProperties properties, @Value("${spring.application.name}") String service) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(properties.queueFor(service));
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setMessageListener(listener);
        // One consumer keeps a service's events in the order they were published (projections depend on it).
        container.setConcurrentConsumers(1);
        container.setPrefetchCount(20);
        container.setMissingQueuesFatal(false);
        container.setDefaultRequeueRejected(false);
        return container;
    }
}
