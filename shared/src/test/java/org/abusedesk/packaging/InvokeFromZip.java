package org.abusedesk.packaging;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import org.abusedesk.config.Environment;
import org.abusedesk.local.InvocationContext;
import org.abusedesk.snapstart.RecordingCheckpoints;

/**
 * Runs in the JVM that {@link FunctionZip#run} starts on a function zip's class path: builds the handler with its
 * runtime constructor from the process's environment, checkpoints and restores it, and hands it each event, read
 * into its event type with the zip's own Jackson, as the Lambda runtime does.
 *
 * <p>Arguments: the handler class, the file to write the responses to, then one file per event.
 */
public final class InvokeFromZip {

    // AWS writes "Records" and "eventSourceARN" where the events classes say records and eventSourceArn.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private InvokeFromZip() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        // The SDK's and log4j's threads must not keep the process alive.
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        var type = Class.forName(args[0]);
        var runtime = type.getDeclaredConstructor(Environment.class, org.crac.Context.class);
        runtime.setAccessible(true);
        var checkpoints = new RecordingCheckpoints();
        Object handler = runtime.newInstance(Environment.system(), checkpoints);
        checkpoints.checkpoint();
        checkpoints.restore();

        var result = new Properties();
        result.setProperty("hooks", String.valueOf(checkpoints.resources().size()));
        for (int i = 2; i < args.length; i++) {
            byte[] event = Files.readAllBytes(Path.of(args[i]));
            result.setProperty(
                    "response." + (i - 2), invoke(handler, event, new InvocationContext("from-zip-" + (i - 2))));
        }
        try (var out = Files.newOutputStream(Path.of(args[1]))) {
            result.store(out, args[0]);
        }
    }

    private static String invoke(Object handler, byte[] event, Context context) throws Exception {
        if (handler instanceof RequestStreamHandler stream) {
            var out = new ByteArrayOutputStream();
            stream.handleRequest(new ByteArrayInputStream(event), out, context);
            return out.toString(StandardCharsets.UTF_8);
        }
        Method handle = Arrays.stream(handler.getClass().getMethods())
                .filter(m -> m.getName().equals("handleRequest") && m.getParameterCount() == 2 && !m.isBridge())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(handler.getClass() + " is no Lambda handler"));
        Object input = JSON.readValue(event, handle.getParameterTypes()[0]);
        return JSON.writeValueAsString(handle.invoke(handler, input, context));
    }
}
