package com.pexper.core.process;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Operating-system signals (INT for Ctrl-C, TERM when the session ends or a service manager stops
 * the process) turned into actions, instead of the JVM's default of exiting on the spot. Uses the
 * JDK's sun.misc.Signal reflectively, as it is not part of the Java SE API; where it is missing, the
 * signal keeps its default behaviour.
 */
public final class ProcessSignals {

    private ProcessSignals() {
    }

    /**
     * Runs {@code action} on a JVM signal thread each time the signal arrives.
     *
     * @param signal the name without "SIG": {@code INT}, {@code TERM}, {@code HUP}
     * @return restores the previous handling when closed; does nothing where signals cannot be handled
     */
    public static AutoCloseable handle(String signal, Runnable action) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object which = signalClass.getConstructor(String.class).newInstance(signal);
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] { handlerClass },
                    (proxy, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            action.run();
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> "pexper " + signal + " handler";
                    });
            Object previous = handle.invoke(null, which, handler);
            return () -> handle.invoke(null, which, previous);
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException | IllegalArgumentException e) {
            return () -> {
            };
        }
    }
}
