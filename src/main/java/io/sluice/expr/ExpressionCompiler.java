package io.sluice.expr;

import io.sluice.sql.BooleanStructure;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.MapType;
import io.sluice.types.PrimitiveType;
import io.sluice.types.StructType;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.ArrayExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;

/**
 * Compiles a parsed expression into a tree of {@link Node}s, once: resolves names to positions, types every
 * operation ({@link TypeRules}), inserts the conversions types need ({@link Coercions}) and folds operations on
 * constants. Operators are compiled by {@link OperatorCompiler}, {@code CASE} by {@link CaseCompiler}, functions by
 * the {@link FunctionRegistry}.
 */
final class ExpressionCompiler {
    private static final String SUPPORTED =
            "expressions are made of literals, columns, operators, CASE, CAST and built-in functions";

    private final ExpressionSource source;
    private final Coercions coercions;
    private final Unification unification;
    private final ColumnResolver columns;
    private final OperatorCompiler operators;
    private final CaseCompiler cases;
    private final LocalDateTime now;

    ExpressionCompiler(ExpressionSource source, StructType schema, LocalDateTime now) {
        this.source = source;
        this.coercions = new Coercions(source);
        this.unification = new Unification(source, coercions);
        this.columns = new ColumnResolver(schema, source);
        this.operators = new OperatorCompiler(this, source, coercions, unification);
        this.cases = new CaseCompiler(this, unification);
        this.now = now;
    }

    /** The top-level input columns the expressions compiled so far read, by position. */
    java.util.BitSet columnsRead() {
        return columns.read();
    }

    ExpressionSource source() {
        return source;
    }

    Coercions coercions() {
        return coercions;
    }

    Unification unification() {
        return unification;
    }

    OperatorCompiler operators() {
        return operators;
    }

    /** The time {@code current_date} and {@code current_timestamp} stand for: the same in the whole expression. */
    LocalDateTime now() {
        return now;
    }

    Operand compile(Expression e) {
        if (BooleanStructure.isStructure(e)) {
            return BooleanStructure.compile(e, this::compile, operators.connectives());
        }
        Operand operator = operators.compile(e);
        if (operator != null) {
            return operator;
        }
        if (e instanceof ParenthesedExpressionList<?> list) {
            if (list.size() != 1) {
                throw source.error(e, "a list of values %s is only allowed after IN", source.text(e));
            }
            return compile(list.get(0));
        }
        if (e instanceof Column column) {
            return column(column);
        }
        if (e instanceof ArrayExpression array) {
            return element(compile(array.getObjExpression()), array.getIndexExpression(), array);
        }
        if (e instanceof SignedExpression signed) {
            return operators.sign(signed);
        }
        if (e instanceof CastExpression cast) {
            return cast(cast);
        }
        if (e instanceof CaseExpression caseExpression) {
            return cases.compile(caseExpression);
        }
        if (e instanceof Function function) {
            return function(function);
        }
        if (e instanceof TrimFunction trim) {
            return trim(trim);
        }
        if (e instanceof ExtractExpression extract) {
            return call(extract.getName(), List.of(extract.getExpression()), extract);
        }
        if (e instanceof TimeKeyExpression key) {
            return timeKey(key);
        }
        return new Operand(literal(e), e);
    }

    private Constant literal(Expression e) {
        if (e instanceof LongValue number) {
            return Literals.number(number.getStringValue());
        }
        if (e instanceof DoubleValue number) {
            return Literals.number(number.toString());
        }
        if (e instanceof StringValue string) {
            return Literals.string(string.getNotExcapedValue());
        }
        if (e instanceof BooleanValue bool) {
            return Literals.bool(bool.getValue());
        }
        if (e instanceof NullValue) {
            return Constant.untypedNull();
        }
        throw source.error(e, "unsupported expression %s; %s", source.text(e), SUPPORTED);
    }

    private Operand column(Column column) {
        Operand value = new Operand(columns.resolve(column), column);
        if (column.getArrayConstructor() == null) {
            return value;
        }
        ExpressionList<?> indexes = column.getArrayConstructor().getExpressions();
        if (indexes.size() != 1) {
            throw source.error(column, "%s: an index takes one value, as in tags[0]", source.text(column));
        }
        return element(value, indexes.get(0), column);
    }

    /** {@code array[index]} (0-based, as in Hive) or {@code map[key]}. */
    private Operand element(Operand container, Expression index, Expression syntax) {
        if (index == null) {
            throw source.error(syntax, "%s: slices are not supported, only [index]", source.text(syntax));
        }
        Operand key = compile(index);
        Node node;
        if (container.type() instanceof ArrayType array) {
            if (!key.isUntypedNull() && !key.type().isIntegral()) {
                throw source.error(index, "an array index must be an integral number, got %s", key.type());
            }
            key = coercions.to(key, key.isUntypedNull() ? PrimitiveType.INT : key.type());
            node = Access.element(array.elementType(), container.node(), key.node());
        } else if (container.type() instanceof MapType map) {
            key = Coercions.isTextConstant(key) && !map.keyType().isText()
                    ? coercions.parsed(key, map.keyType())
                    : coercions.to(key, map.keyType());
            node = Access.mapValue(map.valueType(), container.node(), key.node());
        } else {
            throw source.error(syntax, "%s is %s; only arrays and maps take [ ]", name(container), container.type());
        }
        return Coercions.fold(new Operand(node, syntax), List.of(container, key));
    }

    /** The text of an operand, without the index that follows a column name. */
    private String name(Operand operand) {
        if (operand.syntax() instanceof Column column) {
            return new Column(column.getTable(), column.getColumnName()).getFullyQualifiedName();
        }
        return source.text(operand.syntax());
    }

    private Operand cast(CastExpression cast) {
        DataType target = CastTypes.of(cast.getColDataType(), cast, source);
        if (cast.keyword != null && !cast.keyword.equalsIgnoreCase("CAST")) {
            throw source.error(
                    cast,
                    "%s is not supported: use CAST, whose failures send the row to the error output",
                    cast.keyword);
        }
        Operand input = compile(cast.getLeftExpression());
        if (cast.isImplicitCast() && cast.getLeftExpression() instanceof StringValue) {
            // DATE '2024-01-01' and TIMESTAMP '...': literals, checked now.
            return coercions.parsed(new Operand(input.node(), cast), target);
        }
        if (input.isUntypedNull()) {
            return new Operand(Constant.of(target, null), cast);
        }
        DataType from = input.type();
        if (from.equals(target)) {
            return new Operand(input.node(), cast);
        }
        if (from == PrimitiveType.TIMESTAMP && target == PrimitiveType.DATE) {
            return Coercions.fold(new Operand(Casts.timestampToDate(input.node()), cast), List.of(input));
        }
        Calls.Function1 conversion = Casts.conversion(from, target)
                .orElseThrow(() -> source.error(cast, "cannot cast %s to %s", from, target));
        return Coercions.fold(new Operand(Calls.of(target, input.node(), conversion), cast), List.of(input));
    }

    private Operand function(Function function) {
        if (function.isAllColumns() || function.isDistinct()) {
            FunctionRegistry.BUILTIN.find(function.getName(), function, source);
            throw source.error(function, "%s() takes no * or DISTINCT", function.getName());
        }
        if (function.getNamedParameters() != null || function.getMultipartName().size() > 1) {
            throw source.error(function, "unsupported function call %s", source.text(function));
        }
        List<Expression> parameters = new ArrayList<>();
        if (function.getParameters() != null) {
            function.getParameters().forEach(parameter -> parameters.add((Expression) parameter));
        }
        return call(function.getName(), parameters, function);
    }

    /** Compiles a call of a built-in function by name, with unparsed arguments. */
    Operand call(String name, List<Expression> parameters, Expression syntax) {
        FunctionRegistry.Definition definition = FunctionRegistry.BUILTIN.find(name, syntax, source);
        List<Operand> arguments = new ArrayList<>(parameters.size());
        for (Expression parameter : parameters) {
            arguments.add(compile(parameter));
        }
        FunctionCall call = new FunctionCall(name.toLowerCase(Locale.ROOT), arguments, syntax, this);
        return Coercions.fold(definition.compile(call), arguments);
    }

    private Operand trim(TrimFunction trim) {
        if (trim.getTrimSpecification() != null || trim.getFromExpression() != null) {
            throw source.error(trim, "only trim(text) is supported; use ltrim, rtrim or regexp_replace");
        }
        return call("trim", List.of(trim.getExpression()), trim);
    }

    private Operand timeKey(TimeKeyExpression key) {
        String name =
                key.getStringValue().toLowerCase(Locale.ROOT).replace("()", "").trim();
        return switch (name) {
            case "current_date" -> new Operand(Constant.of(PrimitiveType.DATE, now.toLocalDate()), key);
            case "current_timestamp" -> new Operand(Constant.of(PrimitiveType.TIMESTAMP, now), key);
            default -> throw source.error(key, "%s is not supported; use current_date or current_timestamp", name);
        };
    }
}
