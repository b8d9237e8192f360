package io.sluice.job;

import io.sluice.types.StructType;
import java.util.Map;

/**
 * Tells a job's checks what a custom row function ({@code map: {function: ...}}) gives: the runtime loads the class
 * from the classpath and the jars given with {@code --jar}, opens it on the stage's input schema and options, and
 * answers the schema it declares.
 */
public interface RowFunctionTyper {

    /**
     * The schema of the rows the function emits for rows of {@code input}.
     *
     * @throws IllegalArgumentException saying why the function cannot be used: its class is not found, is not a row
     *     function, or refuses the input or the options
     */
    StructType outputOf(String className, StructType input, Map<String, String> options);

    /** A typer that knows no functions, for checks without jars: every function is reported. */
    static RowFunctionTyper none() {
        return (className, input, options) -> {
            throw new IllegalArgumentException(
                    "class '" + className + "' not found: give the jar that holds it with --jar");
        };
    }
}
