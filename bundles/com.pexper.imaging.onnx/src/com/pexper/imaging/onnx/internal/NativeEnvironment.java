package com.pexper.imaging.onnx.internal;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.util.Optional;

/**
 * The process environment as native libraries see it (libc's {@code getenv}/{@code setenv}), which
 * can differ from {@link System#getenv()}: the JDK copies the environment once at start-up.
 *
 * <p>It goes through the foreign-function API, which is final from Java 22; this bundle also runs
 * on Java 21, where that API is a preview, so it is reached reflectively and every method answers
 * "not available" there instead of failing.
 */
final class NativeEnvironment {

    private NativeEnvironment() {
    }

    /**
     * Sets a variable for native code loaded from now on, overwriting any value.
     *
     * @return false where the foreign-function API is not available or libc refused
     */
    static boolean set(String name, String value) {
        try {
            Foreign foreign = new Foreign();
            MethodHandle setenv = foreign.function("setenv", foreign.intLayout, foreign.address, foreign.address,
                    foreign.intLayout);
            try (AutoCloseable arena = foreign.arena()) {
                Object result = setenv.invokeWithArguments(foreign.cString(arena, name), foreign.cString(arena, value), 1);
                return ((Integer) result) == 0;
            }
        } catch (Throwable e) {
            return false;
        }
    }

    /** A variable's value as libc holds it; empty when unset or when the foreign-function API is not available. */
    static Optional<String> get(String name) {
        try {
            Foreign foreign = new Foreign();
            MethodHandle getenv = foreign.function("getenv", foreign.address, foreign.address);
            try (AutoCloseable arena = foreign.arena()) {
                return foreign.readCString(getenv.invokeWithArguments(foreign.cString(arena, name)));
            }
        } catch (Throwable e) {
            return Optional.empty();
        }
    }

    /** The few pieces of java.lang.foreign used here, looked up by name. */
    private static final class Foreign {
        private final Class<?> memoryLayout = Class.forName("java.lang.foreign.MemoryLayout");
        private final Class<?> memorySegment = Class.forName("java.lang.foreign.MemorySegment");
        private final Class<?> linkerClass = Class.forName("java.lang.foreign.Linker");
        private final Object linker = linkerClass.getMethod("nativeLinker").invoke(null);
        private final Object address = Class.forName("java.lang.foreign.ValueLayout").getField("ADDRESS").get(null);
        private final Object intLayout = Class.forName("java.lang.foreign.ValueLayout").getField("JAVA_INT").get(null);

        Foreign() throws ReflectiveOperationException {
        }

        MethodHandle function(String symbol, Object result, Object... arguments) throws ReflectiveOperationException {
            Object lookup = linkerClass.getMethod("defaultLookup").invoke(linker);
            Optional<?> found = (Optional<?>) Class.forName("java.lang.foreign.SymbolLookup")
                    .getMethod("find", String.class).invoke(lookup, symbol);
            Object layouts = Array.newInstance(memoryLayout, arguments.length);
            for (int i = 0; i < arguments.length; i++) {
                Array.set(layouts, i, arguments[i]);
            }
            Class<?> descriptorClass = Class.forName("java.lang.foreign.FunctionDescriptor");
            Object descriptor = descriptorClass.getMethod("of", memoryLayout, layouts.getClass()).invoke(null, result,
                    layouts);
            Class<?> option = Class.forName("java.lang.foreign.Linker$Option");
            return (MethodHandle) linkerClass.getMethod("downcallHandle", memorySegment, descriptorClass,
                    option.arrayType()).invoke(linker, found.orElseThrow(), descriptor, Array.newInstance(option, 0));
        }

        AutoCloseable arena() throws ReflectiveOperationException {
            return (AutoCloseable) Class.forName("java.lang.foreign.Arena").getMethod("ofConfined").invoke(null);
        }

        Object cString(Object arena, String text) throws ReflectiveOperationException {
            return Class.forName("java.lang.foreign.SegmentAllocator").getMethod("allocateFrom", String.class)
                    .invoke(arena, text);
        }

        Optional<String> readCString(Object pointer) throws ReflectiveOperationException {
            if ((Long) memorySegment.getMethod("address").invoke(pointer) == 0) {
                return Optional.empty();
            }
            // getenv's result has no length: look through it up to its terminating NUL
            Object sized = memorySegment.getMethod("reinterpret", long.class).invoke(pointer, Long.MAX_VALUE);
            return Optional.of((String) memorySegment.getMethod("getString", long.class).invoke(sized, 0L));
        }
    }
}
