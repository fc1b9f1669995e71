-- The trace of the change that wrote an event (W3C traceparent/tracestate as a JSON object of headers): the relay
-- sends the event later from another thread and puts this context in the AMQP headers, so the consumers' spans join
-- the trace of the user's request. Null for events written outside any trace and for rows written before.
ALTER TABLE outbox_event ADD COLUMN trace_context TEXT;
