package io.sluice.expr;

import io.sluice.types.DataType;
import io.sluice.types.PrimitiveType;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Predicate;
import net.sf.jsqlparser.expression.Expression;

/**
 * One call of a built-in function while it is compiled: its compiled arguments, and the checks function definitions
 * share, which fail with messages that name the function and the argument.
 */
final class FunctionCall {
    private final String name;
    private final List<Operand> arguments;
    private final Expression syntax;
    private final ExpressionCompiler compiler;

    FunctionCall(String name, List<Operand> arguments, Expression syntax, ExpressionCompiler compiler) {
        this.name = name;
        this.arguments = List.copyOf(arguments);
        this.syntax = syntax;
        this.compiler = compiler;
    }

    String name() {
        return name;
    }

    int arity() {
        return arguments.size();
    }

    List<Operand> arguments() {
        return arguments;
    }

    Operand argument(int index) {
        return arguments.get(index);
    }

    LocalDateTime now() {
        return compiler.now();
    }

    Coercions coercions() {
        return compiler.coercions();
    }

    Unification unification() {
        return compiler.unification();
    }

    /** Fails unless the call has between {@code min} and {@code max} arguments. */
    void arity(int min, int max) {
        if (arguments.size() < min || arguments.size() > max) {
            String expected =
                    min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? min + " or more" : min + " to " + max;
            throw error(
                    "%s() takes %s argument%s, got %d",
                    name, expected, min == 1 && max == 1 ? "" : "s", arguments.size());
        }
    }

    /** The argument, which must be text; a typeless NULL becomes a NULL string. */
    Operand text(int index) {
        return compiler.operators().text(argument(index), name + "()");
    }

    /** The argument, which must be a number. */
    Operand numeric(int index) {
        return typed(index, DataType::isNumeric, "a number", PrimitiveType.INT);
    }

    /** The argument, which must be an integral number. */
    Operand integral(int index) {
        return typed(index, DataType::isIntegral, "an integral number", PrimitiveType.INT);
    }

    /** The argument, which must be a boolean. */
    Operand bool(int index) {
        return compiler.operators().bool(argument(index), name + "()");
    }

    private Operand typed(int index, Predicate<DataType> test, String what, DataType nullType) {
        Operand argument = argument(index);
        if (argument.isUntypedNull()) {
            return coercions().to(argument, nullType);
        }
        if (!test.test(argument.type())) {
            throw wrongType(index, what);
        }
        return argument;
    }

    /** Fails: the argument is not of the type the function needs. */
    ExpressionException wrongType(int index, String what) {
        Operand argument = argument(index);
        return compiler.source()
                .error(
                        argument.syntax(),
                        "%s() needs %s as argument %d, got %s: %s",
                        name,
                        what,
                        index + 1,
                        argument.type(),
                        compiler.source().text(argument.syntax()));
    }

    /** The value of an argument that must be a text constant, such as a format or a unit. */
    String constantText(int index, String what) {
        Operand argument = text(index);
        if (!argument.isConstant() || argument.value() == null) {
            throw compiler.source()
                    .error(
                            argument.syntax(),
                            "%s() needs %s as a literal in quotes as argument %d",
                            name,
                            what,
                            index + 1);
        }
        return (String) argument.value();
    }

    /** The value of an argument that must be an integral constant. */
    long constantIntegral(int index, String what) {
        Operand argument = integral(index);
        if (!argument.isConstant() || argument.value() == null) {
            throw compiler.source().error(argument.syntax(), "%s() needs %s as a literal number", name, what);
        }
        return ((Number) argument.value()).longValue();
    }

    ExpressionException error(String format, Object... args) {
        return compiler.source().error(syntax, format, args);
    }

    ExpressionException errorAt(int index, String format, Object... args) {
        return compiler.source().error(argument(index).syntax(), format, args);
    }

    /** The result of the call, as an operand of the call's syntax. */
    Operand result(Node node) {
        return new Operand(node, syntax);
    }

    OperatorCompiler operators() {
        return compiler.operators();
    }
}
