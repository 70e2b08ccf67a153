package com.pexper.cli.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C without shutting the JVM down: the first SIGINT runs the action (cancel the run, which
 * then ends normally with exit code 130), a second one quits at once. Uses the JDK's
 * sun.misc.Signal reflectively, as it is not part of the Java SE API; where it is missing, Ctrl-C
 * keeps its default behaviour.
 */
final class SignalInterrupts implements Cli.Interrupts {

    private static final int INTERRUPTED = 130;

    @Override
    public AutoCloseable onInterrupt(Runnable action) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object signal = signalClass.getConstructor(String.class).newInstance("INT");
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            AtomicInteger count = new AtomicInteger();
            Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] { handlerClass },
                    (proxy, method, args) -> {
                        if (method.getName().equals("handle")) {
                            if (count.getAndIncrement() == 0) {
                                action.run();
                            } else {
                                Runtime.getRuntime().halt(INTERRUPTED);
                            }
                            return null;
                        }
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> "pexper interrupt handler";
                        };
                    });
            Object previous = handle.invoke(null, signal, handler);
            return () -> handle.invoke(null, signal, previous);
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException | IllegalArgumentException e) {
            return () -> {
            };
        }
    }
}
