package org.abusedesk.aws;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How the adapters write and read DynamoDB attribute values: one spelling for every table. */
final class Attributes {

    private Attributes() {}

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** A number attribute, 0 where the item has none: counters start unwritten. */
    static long number(Map<String, AttributeValue> item, String name) {
        var value = item.get(name);
        return value == null ? 0 : Long.parseLong(value.n());
    }
}
