package org.abusedesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** A DynamoDB stream record as JSON, in the shape EventBridge Pipes and Lambda hand it on. */
final class StreamRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamRecords() {}

    static JsonNode toEvent(Record record, String streamArn) {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventID", record.eventID());
        event.put("eventName", record.eventNameAsString());
        event.put("eventVersion", record.eventVersion());
        event.put("eventSource", "aws:dynamodb");
        event.put("awsRegion", record.awsRegion());
        event.put("eventSourceARN", streamArn);
        var stream = record.dynamodb();
        ObjectNode dynamodb = event.putObject("dynamodb");
        if (stream.approximateCreationDateTime() != null) {
            dynamodb.put(
                    "ApproximateCreationDateTime",
                    stream.approximateCreationDateTime().getEpochSecond());
        }
        dynamodb.set("Keys", image(stream.keys()));
        if (stream.hasNewImage()) {
            dynamodb.set("NewImage", image(stream.newImage()));
        }
        if (stream.hasOldImage()) {
            dynamodb.set("OldImage", image(stream.oldImage()));
        }
        dynamodb.put("SequenceNumber", stream.sequenceNumber());
        dynamodb.put("SizeBytes", stream.sizeBytes());
        dynamodb.put("StreamViewType", stream.streamViewTypeAsString());
        return event;
    }

    private static ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode image = JSON.createObjectNode();
        item.forEach((name, value) -> image.set(name, attribute(value)));
        return image;
    }

    private static JsonNode attribute(AttributeValue value) {
        ObjectNode node = JSON.createObjectNode();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case B -> node.put("B", value.b().asByteArray());
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", true);
            case SS -> value.ss().forEach(node.putArray("SS")::add);
            case NS -> value.ns().forEach(node.putArray("NS")::add);
            case BS -> {
                ArrayNode binaries = node.putArray("BS");
                value.bs().forEach(b -> binaries.add(b.asByteArray()));
            }
            case M -> node.set("M", image(value.m()));
            case L -> {
                ArrayNode list = node.putArray("L");
                value.l().forEach(item -> list.add(attribute(item)));
            }
            default -> throw new IllegalArgumentException("unknown attribute type " + value.type());
        }
        return node;
    }
}
