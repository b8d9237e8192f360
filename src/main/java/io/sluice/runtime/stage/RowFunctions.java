package io.sluice.runtime.stage;

import io.sluice.api.RowFunction;
import io.sluice.job.RowFunctionTyper;
import io.sluice.types.StructType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Map;

/**
 * Loads users' {@link RowFunction}s by class name from a class loader: the one over the {@code --jar} files when a job
 * is checked, the task's (which Hadoop gives the shipped jars) when it runs.
 */
public final class RowFunctions {
    private RowFunctions() {}

    /** A new instance of the class, not opened yet. */
    public static RowFunction create(String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new IllegalArgumentException("class '" + className + "' not found in the classpath or the --jar"
                    + " files" + (e instanceof NoClassDefFoundError ? " (it needs " + e.getMessage() + ")" : ""));
        }
        if (!RowFunction.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(
                    "class '" + className + "' does not implement " + RowFunction.class.getName());
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException("class '" + className + "' is abstract: name a concrete class");
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            return (RowFunction) constructor.newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException(
                    "class '" + className + "' has no public constructor without arguments, which Sluice calls");
        } catch (InstantiationException | InvocationTargetException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            throw new IllegalArgumentException("creating '" + className + "' failed: " + cause, cause);
        }
    }

    /** Checks functions by opening (and closing) an instance loaded from {@code loader}. */
    public static RowFunctionTyper typer(ClassLoader loader) {
        return (className, input, options) -> outputOf(create(className, loader), className, input, options);
    }

    private static StructType outputOf(
            RowFunction function, String className, StructType input, Map<String, String> options) {
        try {
            StructType output = function.open(input, options);
            if (output == null) {
                throw new IllegalArgumentException(className + ".open returned no schema");
            }
            return output;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(className + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(className + ".open failed: " + e, e);
        } finally {
            function.close();
        }
    }
}
