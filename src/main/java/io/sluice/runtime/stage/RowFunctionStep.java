package io.sluice.runtime.stage;

import io.sluice.api.RowEmitter;
import io.sluice.api.RowFunction;
import io.sluice.expr.ExpressionEvaluationException;
import io.sluice.job.MapStage;
import io.sluice.row.Row;
import io.sluice.types.StructType;

/**
 * A user's {@link RowFunction} in a chain of operators: opened once, applied to every row, its rows passed on. An
 * exception of the function makes the row a bad record; one of the consumers after it goes on as it is.
 */
final class RowFunctionStep implements RowConsumer {
    private final String name;
    private final RowFunction function;
    private final StructType output;
    private final Emitter emitter;

    private RowFunctionStep(String name, RowFunction function, StructType output, RowConsumer next) {
        this.name = name;
        this.function = function;
        this.output = output;
        this.emitter = new Emitter(next, output.fields().size(), name);
    }

    static RowFunctionStep open(MapStage.Function named, StructType input, ClassLoader loader, RowConsumer next) {
        RowFunction function = RowFunctions.create(named.className(), loader);
        StructType output = function.open(input, named.options());
        if (output == null) {
            function.close();
            throw new IllegalStateException(named.className() + ".open returned no schema");
        }
        return new RowFunctionStep(named.className(), function, output, next);
    }

    StructType output() {
        return output;
    }

    @Override
    public void accept(Row row) {
        try {
            function.apply(row, emitter);
        } catch (Downstream e) {
            throw e.failure;
        } catch (ExpressionEvaluationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ExpressionEvaluationException("row function " + name + " failed: " + e, e);
        }
    }

    @Override
    public void close() {
        function.close();
    }

    /** Passes emitted rows on, marking what the consumers after the function throw so it is not blamed on it. */
    private static final class Emitter implements RowEmitter {
        private final RowConsumer next;
        private final int width;
        private final String name;

        Emitter(RowConsumer next, int width, String name) {
            this.next = next;
            this.width = width;
            this.name = name;
        }

        @Override
        public void emit(Row row) {
            if (row.width() != width) {
                throw new ExpressionEvaluationException("row function " + name + " emitted a row of " + row.width()
                        + " values; its schema has " + width + " columns");
            }
            try {
                next.accept(row);
            } catch (RuntimeException e) {
                throw new Downstream(e);
            }
        }
    }

    private static final class Downstream extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient RuntimeException failure;

        Downstream(RuntimeException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }
}
