package org.abusedesk.local;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Stands in for an EventBridge pipe: reads the table's stream, keeps the records its filters pass, fills its input
 * template and sends the result to the queue or puts it as an event's detail on the bus. A shard's position moves on
 * only after its records were sent, so a failure repeats records (at least once, as the pipe does) and never skips
 * one.
 *
 * <p>Each run reads on after the last record it relayed with a new iterator, rather than keeping the previous one:
 * the moto server replaces a table, stream included, with a copy when a transaction on it fails, and an iterator
 * kept from before would read the old copy, which no longer grows.
 */
public final class StreamRelay {

    private static final Logger LOG = LoggerFactory.getLogger(StreamRelay.class);

    private final PipeDefinition pipe;
    private final DynamoDbStreamsClient streams;
    private final SqsClient sqs;
    private final EventBridgeClient events;
    private final List<EventPattern> filters;
    private final InputTemplate template;
    private final String queueUrl;
    private final EventLog log;
    /** The sequence number of the last record relayed from each shard. */
    private final Map<String, String> lastRelayed = new HashMap<>();
    /** Closed shards read to their end: never read again. */
    private final Set<String> finished = new HashSet<>();

    public StreamRelay(PipeDefinition pipe, AwsEndpoint aws) {
        this(pipe, aws, new EventLog(Clock.systemUTC()));
    }

    /** A relay that keeps in the log each event it put on the bus. */
    public StreamRelay(PipeDefinition pipe, AwsEndpoint aws, EventLog log) {
        this(pipe, aws, aws.sqs(), log);
    }

    /** A relay that sends to its queue with the given client, and closes it: how tests make sending fail. */
    public StreamRelay(PipeDefinition pipe, AwsEndpoint aws, SqsClient sqs) {
        this(pipe, aws, sqs, new EventLog(Clock.systemUTC()));
    }

    private StreamRelay(PipeDefinition pipe, AwsEndpoint aws, SqsClient sqs, EventLog log) {
        this.pipe = pipe;
        this.log = log;
        this.streams = aws.dynamoDbStreams();
        this.sqs = sqs;
        this.events = aws.eventBridge();
        this.filters = pipe.filterPatterns().stream().map(EventPattern::parse).toList();
        this.template = new InputTemplate(pipe.inputTemplate());
        this.queueUrl = pipe.targetsEventBus()
                ? null
                : sqs.getQueueUrl(r -> r.queueName(name(pipe.targetArn()))).queueUrl();
    }

    /** Relays what the stream holds now; returns how many messages it sent. */
    public synchronized int relay() {
        int sent = 0;
        var shards = streams.describeStream(r -> r.streamArn(pipe.streamArn()))
                .streamDescription()
                .shards();
        for (var shard : shards) {
            if (finished.contains(shard.shardId())) {
                continue;
            }
            String iterator = iterator(shard.shardId());
            var response = streams.getRecords(r -> r.shardIterator(iterator));
            var bodies = new ArrayList<String>();
            for (var record : response.records()) {
                var event = StreamRecords.toEvent(record, pipe.streamArn());
                if (filters.isEmpty() || filters.stream().anyMatch(f -> f.matches(event))) {
                    bodies.add(template.render(event));
                }
            }
            for (String body : bodies) {
                send(body);
                sent++;
            }
            if (!response.records().isEmpty()) {
                lastRelayed.put(
                        shard.shardId(), response.records().getLast().dynamodb().sequenceNumber());
            }
            boolean closed = shard.sequenceNumberRange() != null
                    && shard.sequenceNumberRange().endingSequenceNumber() != null;
            if (closed && response.nextShardIterator() == null) {
                finished.add(shard.shardId());
            }
        }
        if (sent > 0) {
            LOG.debug("{} relayed {} records", pipe.logicalId(), sent);
        }
        return sent;
    }

    /** From the shard's start, or after the last record relayed from it. */
    private String iterator(String shardId) {
        String after = lastRelayed.get(shardId);
        return streams.getShardIterator(r -> {
                    r.streamArn(pipe.streamArn()).shardId(shardId);
                    if (after == null) {
                        r.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
                    } else {
                        r.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                                .sequenceNumber(after);
                    }
                })
                .shardIterator();
    }

    private void send(String body) {
        if (queueUrl != null) {
            sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
            return;
        }
        var parameters = pipe.eventBusParameters();
        String detailType = parameters.getOrDefault("DetailType", "Event from " + pipe.logicalId());
        String source = parameters.getOrDefault("Source", "Pipe " + pipe.logicalId());
        var response = events.putEvents(r -> r.entries(e -> e.eventBusName(pipe.targetArn())
                .detailType(detailType)
                .source(source)
                .detail(body)));
        if (response.failedEntryCount() > 0) {
            throw new IllegalStateException(pipe.logicalId() + " could not put an event: " + response.entries());
        }
        log.received(source, detailType, body);
    }

    /** The last part of an ARN: a queue's or a bus's name. */
    private static String name(String arn) {
        return arn.substring(arn.lastIndexOf(arn.contains("/") ? '/' : ':') + 1);
    }

    public void close() {
        streams.close();
        sqs.close();
        events.close();
    }
}
