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
import org.abusedesk.snapstart.RecordingCheckpoints;
import org.abusedesk.testkit.TestContext;

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
        var checkpoints = new RecordingCheckpoints();
        Object handler = handler(Class.forName(args[0]), checkpoints);
        checkpoints.checkpoint();
        checkpoints.restore();

        var result = new Properties();
        result.setProperty("hooks", String.valueOf(checkpoints.resources().size()));
        for (int i = 2; i < args.length; i++) {
            byte[] event = Files.readAllBytes(Path.of(args[i]));
            result.setProperty("response." + (i - 2), invoke(handler, event, new TestContext("from-zip-" + (i - 2))));
        }
        try (var out = Files.newOutputStream(Path.of(args[1]))) {
            result.store(out, args[0]);
        }
    }

    /**
     * The handler on the process's environment, as the runtime's constructor wires it: by the public constructor
     * taking a wiring and the checkpoints, the wiring made by its {@code of(Environment)}; or, for a handler not
     * wired so yet, by its constructor taking the environment and the checkpoints.
     */
    private static Object handler(Class<?> type, RecordingCheckpoints checkpoints) throws ReflectiveOperationException {
        for (var constructor : type.getConstructors()) {
            var parameters = constructor.getParameterTypes();
            if (parameters.length == 2 && parameters[1] == org.crac.Context.class) {
                Method of = parameters[0].getMethod("of", Environment.class);
                return constructor.newInstance(of.invoke(null, Environment.system()), checkpoints);
            }
        }
        var runtime = type.getDeclaredConstructor(Environment.class, org.crac.Context.class);
        runtime.setAccessible(true);
        return runtime.newInstance(Environment.system(), checkpoints);
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
