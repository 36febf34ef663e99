package org.abusedesk.inboundmail;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.abusedesk.local.Stack;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the inbound functions' stack tests read and do alike: a mail's stored complaints, an invocation. */
final class InboundStack {

    private InboundStack() {}

    /** The complaints stored from the mail of {@code receiptId}, by complaint id. */
    static List<Map<String, AttributeValue>> itemsOf(Stack stack, String receiptId) {
        try (var dynamoDb = stack.aws().dynamoDb()) {
            return dynamoDb.scan(r -> r.tableName(stack.ref("ComplaintsTable"))).items().stream()
                    .filter(item ->
                            item.get("provenance").m().get("receiptId").s().equals(receiptId))
                    .sorted(Comparator.comparing(item -> item.get("complaintId").s()))
                    .toList();
        }
    }

    /** The handler's answer to {@code event}, invoked as a test invokes: without a Lambda context. */
    static String handle(RequestStreamHandler handler, String event) throws IOException {
        var out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }
}
