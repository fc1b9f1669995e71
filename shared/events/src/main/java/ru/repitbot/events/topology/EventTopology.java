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
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import ru.repitbot.events.EventsProperties;

/**
 * The RabbitMQ objects of GUIDE §3 for one service: the shared durable topic exchange, the dead-letter exchange,
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
        DirectExchange deadLetters = new DirectExchange(properties.deadLetterExchange(), true, false);
        declarables.add(deadLetters);

        String queueName = properties.queueFor(service);
        String dlqName = properties.deadLetterQueueFor(service);
        Queue queue = new Queue(queueName, true, false, false, queueArguments(properties, dlqName));
        Queue dlq = new Queue(dlqName, true, false, false, typeArgument(properties));
        declarables.add(queue);
        declarables.add(dlq);
        declarables.add(BindingBuilder.bind(dlq).to(deadLetters).with(dlqName));
        for (String type : eventTypes.stream().distinct().sorted().toList()) {
            Binding binding = BindingBuilder.bind(queue).to(exchange).with(type);
            declarables.add(binding);
        }
        return new Declarables(declarables);
    }

    static Map<String, Object> queueArguments(EventsProperties properties, String dlqName) {
        Map<String, Object> args = new HashMap<>(typeArgument(properties));
        args.put("x-dead-letter-exchange", properties.deadLetterExchange());
        args.put("x-dead-letter-routing-key", dlqName);
        return args;
    }

    private static Map<String, Object> typeArgument(EventsProperties properties) {
        return "quorum".equalsIgnoreCase(properties.queueType()) ? Map.of("x-queue-type", "quorum") : Map.of();
    }
}
