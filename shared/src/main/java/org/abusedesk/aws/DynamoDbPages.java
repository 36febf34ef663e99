package org.abusedesk.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.abusedesk.paging.InvalidCursorException;
import org.abusedesk.paging.Page;
import org.abusedesk.paging.PageRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * A page of a query's items, as a listing's caller asks for it. One item more than the page holds is read, so that
 * a page has a cursor only when there is more to come: the last page never leads on to an empty one.
 */
final class DynamoDbPages {

    private DynamoDbPages() {}

    /**
     * @param query the query without limit and start key
     * @param ownKey whether a cursor's key belongs to this query: a cursor of another account's listing is refused
     * @param keyOf the primary key of an item, which continues the query after it
     */
    static <T> Page<T> query(
            DynamoDbClient dynamoDb,
            QueryRequest query,
            String listing,
            PageRequest page,
            Predicate<Map<String, AttributeValue>> ownKey,
            Function<Map<String, AttributeValue>, Map<String, AttributeValue>> keyOf,
            Function<Map<String, AttributeValue>, T> mapper) {
        var start = DynamoDbCursors.decode(listing, page.cursor());
        if (start.isPresent() && !ownKey.test(start.get())) {
            throw new InvalidCursorException("not one of this listing");
        }
        var items = new ArrayList<Map<String, AttributeValue>>();
        Map<String, AttributeValue> from = start.orElse(null);
        do {
            var request = query.toBuilder()
                    .limit(page.limit() + 1 - items.size())
                    .exclusiveStartKey(from)
                    .build();
            var response = dynamoDb.query(request);
            items.addAll(response.items());
            from = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (from != null && items.size() <= page.limit());
        boolean more = items.size() > page.limit();
        List<Map<String, AttributeValue>> shown = more ? items.subList(0, page.limit()) : items;
        Optional<String> next =
                more ? DynamoDbCursors.encode(listing, keyOf.apply(shown.get(shown.size() - 1))) : Optional.empty();
        return new Page<>(shown.stream().map(mapper).toList(), next);
    }
}
