package org.abusedesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class MotoDynamoDbIsolationIT {

    private static MotoServer moto;
    private static AwsEndpoint aws;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start(0, TestProject.root(), Path.of("target/moto-isolation-it.log"));
        aws = new AwsEndpoint(moto.endpoint(), Region.EU_CENTRAL_1);
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void writesMadeWhileTransactionsFail_areAllKept() throws Exception {
        // GIVEN the complaints table of a stack
        var stack = TestProject.newStack(aws);
        String table = stack.ref("ComplaintsTable");

        // WHEN four writers put 40 complaints each while transactions on the table keep failing their condition
        var work = new ArrayList<Callable<Integer>>();
        for (int writer = 0; writer < 4; writer++) {
            int w = writer;
            work.add(() -> {
                try (var dynamoDb = aws.dynamoDb()) {
                    for (int i = 0; i < 40; i++) {
                        String id = "01JW" + w + "N" + i;
                        dynamoDb.putItem(r -> r.tableName(table).item(key("14141611", id)));
                    }
                }
                return 0;
            });
        }
        work.add(() -> {
            int failed = 0;
            try (var dynamoDb = aws.dynamoDb()) {
                for (int i = 0; i < 40; i++) {
                    try {
                        dynamoDb.transactWriteItems(r ->
                                r.transactItems(item -> item.conditionCheck(c -> c.tableName(table)
                                        .key(key("14141611", "01JNOSUCHCOMPLAINT"))
                                        .conditionExpression("attribute_exists(complaintId)"))));
                    } catch (TransactionCanceledException e) {
                        failed++;
                    }
                }
            }
            return failed;
        });
        int failedTransactions;
        try (var pool = Executors.newFixedThreadPool(work.size())) {
            var results = pool.invokeAll(work);
            failedTransactions = results.getLast().get();
            for (var result : results) {
                result.get();
            }
        }

        // THEN every transaction failed, and not one of the 160 writes made meanwhile was undone by the moto server
        assertThat(failedTransactions).isEqualTo(40);
        try (var dynamoDb = aws.dynamoDb()) {
            assertThat(dynamoDb.scanPaginator(r -> r.tableName(table)).items()).hasSize(160);
        }
    }

    private static Map<String, AttributeValue> key(String mailingId, String complaintId) {
        return Map.of("mailingId", AttributeValue.fromS(mailingId), "complaintId", AttributeValue.fromS(complaintId));
    }
}
