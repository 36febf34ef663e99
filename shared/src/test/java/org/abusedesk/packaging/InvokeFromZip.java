package org.abusedesk.packaging;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import org.abusedesk.local.Handlers;
import org.abusedesk.local.InvocationContext;
import org.abusedesk.testkit.RecordingCheckpoints;

/**
 * Runs in the JVM that {@link FunctionZip#run} starts on a function zip's class path: builds the handler with its
 * runtime constructor from the process's environment, checkpoints and restores it, and hands it each event, read
 * into its event type and its answer written with the Lambda runtime's serialisation, as the runtime does.
 *
 * <p>Arguments: the handler class, the file to write the responses to, then one file per event.
 */
public final class InvokeFromZip {

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
        Object handler = Handlers.create(args[0], System.getenv(), checkpoints);
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
        Object input = serializer(handle.getParameterTypes()[0]).fromJson(new ByteArrayInputStream(event));
        Object answer = handle.invoke(handler, input, context);
        var out = new ByteArrayOutputStream();
        serializer(answer.getClass()).toJson(answer, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** As the runtime chooses: the events classes' own serialiser for them, its Jackson for any other type. */
    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Class<?> type) {
        return (PojoSerializer<Object>)
                (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                        ? LambdaEventSerializers.serializerFor(type, type.getClassLoader())
                        : JacksonFactory.getInstance().getSerializer(type));
    }
}
