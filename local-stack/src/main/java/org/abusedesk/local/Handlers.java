package org.abusedesk.local;

import java.util.Arrays;
import java.util.Map;

/**
 * Creates a desk handler through the same entry as its runtime constructor: its wiring, built by the wiring's static
 * {@code of(Environment)} from the function's environment, and CRaC's global context for its SnapStart hooks. The
 * desk's classes are reached by name: the local stack stands in for the Lambda runtime, which knows none of them.
 */
public final class Handlers {

    private Handlers() {}

    /** The handler of {@code handlerClass}, wired from {@code environment}, its hooks in CRaC's global context. */
    public static Object create(String handlerClass, Map<String, String> environment) {
        return create(handlerClass, environment, null);
    }

    /**
     * The handler of {@code handlerClass}, wired from {@code environment}, its hooks registered in {@code
     * checkpoints}: an {@code org.crac.Context} of a test's, or null for CRaC's global context.
     */
    public static Object create(String handlerClass, Map<String, String> environment, Object checkpoints) {
        try {
            var handler = Class.forName(handlerClass);
            var loader = handler.getClassLoader();
            var constructor = Arrays.stream(handler.getConstructors())
                    .filter(c -> c.getParameterCount() == 2
                            && c.getParameterTypes()[1].getName().equals("org.crac.Context"))
                    .findFirst()
                    .orElseThrow(() -> new NoSuchMethodException(
                            handlerClass + " has no public constructor taking its wiring and a checkpoint context"));
            var environmentType = Class.forName("org.abusedesk.config.Environment", true, loader);
            var wiring = constructor
                    .getParameterTypes()[0]
                    .getMethod("of", environmentType)
                    .invoke(null, environmentType.getConstructor(Map.class).newInstance(environment));
            var context = checkpoints != null
                    ? checkpoints
                    : Class.forName("org.crac.Core", true, loader)
                            .getMethod("getGlobalContext")
                            .invoke(null);
            return constructor.newInstance(wiring, context);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException(handlerClass + " could not be wired: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
