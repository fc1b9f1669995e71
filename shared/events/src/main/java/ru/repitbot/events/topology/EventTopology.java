package ru.repitbot.events.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import ru.repitbot.events.EventsProperties;

/**
 * The RabbitMQ objects of docs/architecture/README.md "Events" for one service: the shared durable topic exchange, its own dead-letter exchange,
 * the service's durable queue bound to the event types it consumes, and its dead-letter queue.
 */
public final class EventTopology {

    private EventTopology() {
    }

    public static Declarables declare(EventsProperties properties, String service, Collection<String> eventTypes) {
        List<Declarable> declarables = new ArrayList<>();
        TopicExchange exchange = new TopicExchange(properties.exchange(), true, false);
        declarables.add(exchange);
        if (eventTypes.isEmpty()) {
            return new Declarables(declarables);
        }
        String dlxName = properties.deadLetterExchangeFor(service);
        FanoutExchange deadLetters = new FanoutExchange(dlxName, true, false);
        declarables.add(deadLetters);

        Queue queue = new Queue(properties.queueFor(service), true, false, false, queueArguments(properties, dlxName));
        Queue dlq = new Queue(properties.deadLetterQueueFor(service), true, false, false, typeArgument(properties));
        declarables.add(queue);
        declarables.add(dlq);
        declarables.add(BindingBuilder.bind(dlq).to(deadLetters));
        for (String type : eventTypes.stream().distinct().sorted().toList()) {
            Binding binding = BindingBuilder.bind(queue).to(exchange).with(type);
            declarables.add(binding);
        }
        return new Declarables(declarables);
    }

    /**
     * Dead-lettering that works on RabbitMQ ({@code x-dead-letter-exchange}) and on Qpid ({@code alternateExchange});
     * each broker ignores the other's argument. No dead-letter routing key: the original event type is kept.
     */
    static Map<String, Object> queueArguments(EventsProperties properties, String dlxName) {
        Map<String, Object> args = new HashMap<>(typeArgument(properties));
        args.put("x-dead-letter-exchange", dlxName);
        args.put("alternateExchange", dlxName);
        return args;
    }

    private static Map<String, Object> typeArgument(EventsProperties properties) {
        return "quorum".equalsIgnoreCase(properties.queueType()) ? Map.of("x-queue-type", "quorum") : Map.of();
    }
}
