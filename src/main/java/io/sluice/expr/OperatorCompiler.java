package io.sluice.expr;

import io.sluice.sql.BooleanStructure;
import io.sluice.types.DataType;
import io.sluice.types.DecimalType;
import io.sluice.types.PrimitiveType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.IntegerDivision;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.CosineSimilarity;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;

/**
 * Compiles the operators: arithmetic, comparisons, {@code AND OR NOT}, {@code [NOT] IN}, {@code [NOT] BETWEEN},
 * {@code [NOT] LIKE}, {@code RLIKE}, {@code IS [NOT] NULL}, {@code IS [NOT] TRUE|FALSE}, {@code IS [NOT] DISTINCT
 * FROM} and Hive's {@code <=>}, checking operand types by {@link TypeRules}.
 */
final class OperatorCompiler {
    /** Hive's LIKE escape character when the pattern names none. */
    private static final char DEFAULT_ESCAPE = '\\';

    private final ExpressionCompiler compiler;
    private final ExpressionSource source;
    private final Coercions coercions;
    private final Unification unification;
    private final BooleanStructure.Connectives<Operand> connectives = new BooleanStructure.Connectives<>() {
        @Override
        public Operand and(Operand left, Operand right) {
            Node node = Logic.and(bool(left, "AND").node(), bool(right, "AND").node());
            return fold(new Operand(node, new AndExpression(left.syntax(), right.syntax())), left, right);
        }

        @Override
        public Operand or(Operand left, Operand right) {
            Node node = Logic.or(bool(left, "OR").node(), bool(right, "OR").node());
            return fold(new Operand(node, new OrExpression(left.syntax(), right.syntax())), left, right);
        }

        @Override
        public Operand not(Operand operand) {
            return fold(operand.with(Logic.not(bool(operand, "NOT").node())), operand);
        }
    };

    OperatorCompiler(
            ExpressionCompiler compiler, ExpressionSource source, Coercions coercions, Unification unification) {
        this.compiler = compiler;
        this.source = source;
        this.coercions = coercions;
        this.unification = unification;
    }

    BooleanStructure.Connectives<Operand> connectives() {
        return connectives;
    }

    /** The compiled operator, or null when the expression is no operator. */
    Operand compile(Expression e) {
        if (e instanceof Addition b) {
            return arithmetic(ArithmeticOperator.ADD, b);
        } else if (e instanceof Subtraction b) {
            return arithmetic(ArithmeticOperator.SUBTRACT, b);
        } else if (e instanceof Multiplication b) {
            return arithmetic(ArithmeticOperator.MULTIPLY, b);
        } else if (e instanceof Division b) {
            return arithmetic(ArithmeticOperator.DIVIDE, b);
        } else if (e instanceof Modulo b) {
            return arithmetic(ArithmeticOperator.MODULO, b);
        } else if (e instanceof IntegerDivision b) {
            return arithmetic(ArithmeticOperator.INTEGER_DIVIDE, b);
        } else if (e instanceof Concat concat) {
            return compiler.call("concat", List.of(concat.getLeftExpression(), concat.getRightExpression()), concat);
        } else if (e instanceof LikeExpression like) {
            return like(like);
        } else if (e instanceof IsDistinctExpression distinct) {
            return distinct(distinct, distinct.isNot());
        } else if (e instanceof CosineSimilarity nullSafeEqual) {
            // JSqlParser reads Hive's null-safe equality a <=> b as a cosine similarity operator.
            return distinct(nullSafeEqual, true);
        } else if (e instanceof ComparisonOperator comparison) {
            return comparison(comparison);
        } else if (e instanceof InExpression in) {
            return in(in);
        } else if (e instanceof Between between) {
            return between(between);
        } else if (e instanceof IsNullExpression isNull) {
            Operand operand = compiler.compile(isNull.getLeftExpression());
            return fold(new Operand(Logic.isNull(operand.node(), isNull.isNot()), e), operand);
        } else if (e instanceof IsBooleanExpression is) {
            Operand operand = bool(compiler.compile(is.getLeftExpression()), "IS " + (is.isTrue() ? "TRUE" : "FALSE"));
            return fold(new Operand(Logic.is(operand.node(), is.isTrue(), is.isNot()), e), operand);
        }
        return null;
    }

    /** {@code -x} and {@code +x}. */
    Operand sign(SignedExpression signed) {
        Operand operand = compiler.compile(signed.getExpression());
        if (operand.isUntypedNull()) {
            operand = coercions.to(operand, PrimitiveType.INT);
        }
        if (!operand.type().isNumeric() || (signed.getSign() != '-' && signed.getSign() != '+')) {
            throw source.error(signed, "unary %s needs a number, got %s", signed.getSign(), operand.type());
        }
        if (signed.getSign() == '+') {
            return new Operand(operand.node(), signed);
        }
        return fold(new Operand(Arithmetic.negate(operand.node()), signed), operand);
    }

    private Operand arithmetic(ArithmeticOperator operator, BinaryExpression e) {
        Operand left = compiler.compile(e.getLeftExpression());
        Operand right = compiler.compile(e.getRightExpression());
        if (left.isUntypedNull()) {
            left = coercions.to(left, right.isUntypedNull() ? PrimitiveType.INT : right.type());
        }
        if (right.isUntypedNull()) {
            right = coercions.to(right, left.type());
        }
        DataType leftType = left.type();
        DataType rightType = right.type();
        DataType result = TypeRules.arithmetic(operator, leftType, rightType)
                .orElseThrow(() -> source.error(
                        source.operatorPosition(e),
                        "cannot %s %s and %s%s",
                        operator.verb(),
                        leftType,
                        rightType,
                        arithmeticHint(operator, leftType, rightType)));
        if (result instanceof DecimalType) {
            left = coercions.decimalConstant(left);
            right = coercions.decimalConstant(right);
        }
        return fold(new Operand(Arithmetic.of(operator, result, left.node(), right.node()), e), left, right);
    }

    private static String arithmeticHint(ArithmeticOperator operator, DataType left, DataType right) {
        if (operator == ArithmeticOperator.INTEGER_DIVIDE && left.isNumeric() && right.isNumeric()) {
            return "; DIV takes integral numbers, / divides any";
        }
        if (TypeRules.isTemporal(left) || TypeRules.isTemporal(right)) {
            return "; use date_add, date_sub or datediff for dates";
        }
        if (left.isText() || right.isText()) {
            return operator == ArithmeticOperator.ADD
                    ? "; use concat or || to join text, CAST to compute with numbers in text"
                    : "; CAST the text to a number first";
        }
        return "";
    }

    private Operand comparison(ComparisonOperator e) {
        Relation operator = Relation.of(e.getStringExpression());
        if (operator == null) {
            throw source.error(source.operatorPosition(e), "unsupported operator %s", e.getStringExpression());
        }
        Operand[] operands = comparable(e);
        ValueOrder order = order(operands[0], operands[1], e);
        if (order == ValueOrder.DECIMAL) {
            operands[0] = coercions.decimalConstant(operands[0]);
            operands[1] = coercions.decimalConstant(operands[1]);
        }
        Node node = Comparisons.compare(operator, order, operands[0].node(), operands[1].node());
        return fold(new Operand(node, e), operands[0], operands[1]);
    }

    /** {@code IS DISTINCT FROM}, or with {@code negated} {@code IS NOT DISTINCT FROM} and {@code <=>}. */
    private Operand distinct(BinaryExpression e, boolean negated) {
        Operand[] operands = comparable(e);
        ValueOrder order = order(operands[0], operands[1], e);
        Node node = Comparisons.distinct(order, operands[0].node(), operands[1].node(), negated);
        return fold(new Operand(node, e), operands[0], operands[1]);
    }

    /** The operands of a binary comparison, a typeless NULL or a text constant taking the other one's type. */
    private Operand[] comparable(BinaryExpression e) {
        Operand left = compiler.compile(e.getLeftExpression());
        Operand right = compiler.compile(e.getRightExpression());
        if (left.isUntypedNull() && right.isUntypedNull()) {
            return new Operand[] {coercions.to(left, PrimitiveType.BOOLEAN), coercions.to(right, PrimitiveType.BOOLEAN)
            };
        }
        return new Operand[] {alignedTo(left, right), alignedTo(right, left)};
    }

    private Operand alignedTo(Operand operand, Operand other) {
        if (other.isUntypedNull()) {
            return operand;
        }
        if (operand.isUntypedNull()) {
            return coercions.to(operand, other.type());
        }
        if (Coercions.isTextConstant(operand)
                && !other.type().isText()
                && other.type().isPrimitive()) {
            return coercions.parsed(operand, other.type());
        }
        return operand;
    }

    private ValueOrder order(Operand left, Operand right, BinaryExpression e) {
        return TypeRules.order(left.type(), right.type())
                .orElseThrow(() -> source.error(
                        source.operatorPosition(e), "cannot compare %s with %s", left.type(), right.type()));
    }

    private Operand in(InExpression in) {
        if (!(in.getRightExpression() instanceof ExpressionList<?> list) || list.isEmpty()) {
            throw source.error(
                    in.getRightExpression(),
                    "IN needs a list of values in parentheses, as in x IN (1, 2); put a comparison with IN in"
                            + " parentheses");
        }
        List<Operand> operands = new ArrayList<>();
        operands.add(compiler.compile(in.getLeftExpression()));
        for (Expression item : list) {
            operands.add(compiler.compile(item));
        }
        DataType type = unification.comparisonType(operands, "IN");
        List<Operand> aligned = unification.forComparison(operands, type);
        ValueOrder order = unification.order(type, aligned.get(0));
        List<Node> items =
                aligned.subList(1, aligned.size()).stream().map(Operand::node).toList();
        Node node = Comparisons.in(order, aligned.get(0).node(), items);
        return fold(new Operand(in.isNot() ? Logic.not(node) : node, in), aligned);
    }

    private Operand between(Between between) {
        List<Operand> operands = List.of(
                compiler.compile(between.getLeftExpression()),
                compiler.compile(between.getBetweenExpressionStart()),
                compiler.compile(between.getBetweenExpressionEnd()));
        DataType type = unification.comparisonType(operands, "BETWEEN");
        List<Operand> aligned = unification.forComparison(operands, type);
        ValueOrder order = unification.order(type, aligned.get(0));
        Node node = Comparisons.between(
                order,
                aligned.get(0).node(),
                aligned.get(1).node(),
                aligned.get(2).node());
        return fold(new Operand(between.isNot() ? Logic.not(node) : node, between), aligned);
    }

    private Operand like(LikeExpression like) {
        LikeExpression.KeyWord keyword = like.getLikeKeyWord();
        boolean regex = keyword == LikeExpression.KeyWord.RLIKE || keyword == LikeExpression.KeyWord.REGEXP;
        if ((keyword != LikeExpression.KeyWord.LIKE && !regex) || like.isUseBinary()) {
            throw source.error(like, "%s is not supported; use LIKE, RLIKE or lower() with LIKE", keyword);
        }
        Operand text = text(compiler.compile(like.getLeftExpression()), keyword.toString());
        Operand pattern = text(compiler.compile(like.getRightExpression()), keyword.toString());
        char escape = escape(like);
        Node node;
        if (pattern.isConstant() && pattern.value() == null) {
            node = Constant.of(PrimitiveType.BOOLEAN, null);
        } else if (pattern.isConstant()) {
            String value = (String) pattern.value();
            node = regex
                    ? Matching.regex(text.node(), compileRegex(value, pattern))
                    : Matching.like(text.node(), LikePattern.compile(value, escape));
        } else {
            node = regex
                    ? Matching.regex(text.node(), pattern.node())
                    : Matching.like(text.node(), pattern.node(), escape);
        }
        return fold(new Operand(like.isNot() ? Logic.not(node) : node, like), text, pattern);
    }

    /** A regular expression of the expression's text, compiled once; an invalid one is a compile error. */
    Pattern compileRegex(String regex, Operand at) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw source.error(at.syntax(), "'%s' is not a valid regular expression: %s", regex, e.getDescription());
        }
    }

    private char escape(LikeExpression like) {
        Expression escape = like.getEscape();
        if (escape == null) {
            return DEFAULT_ESCAPE;
        }
        if (escape instanceof StringValue text && text.getNotExcapedValue().length() == 1) {
            return text.getNotExcapedValue().charAt(0);
        }
        throw source.error(escape, "ESCAPE takes a single character in quotes, as in ESCAPE '!'");
    }

    /** The operand, which must be text; a typeless NULL becomes a NULL string. */
    Operand text(Operand operand, String what) {
        if (operand.isUntypedNull()) {
            return coercions.to(operand, PrimitiveType.STRING);
        }
        if (!operand.type().isText()) {
            throw source.error(
                    operand.syntax(), "%s needs text, got %s: %s", what, operand.type(), source.text(operand.syntax()));
        }
        return operand;
    }

    /** The operand, which must be boolean; a typeless NULL becomes a NULL boolean. */
    Operand bool(Operand operand, String what) {
        if (operand.isUntypedNull()) {
            return coercions.to(operand, PrimitiveType.BOOLEAN);
        }
        if (operand.type() != PrimitiveType.BOOLEAN) {
            throw source.error(
                    operand.syntax(),
                    "%s needs boolean operands, got %s: %s",
                    what,
                    operand.type(),
                    source.text(operand.syntax()));
        }
        return operand;
    }

    private static Operand fold(Operand result, Operand... inputs) {
        return Coercions.fold(result, List.of(inputs));
    }

    private static Operand fold(Operand result, List<Operand> inputs) {
        return Coercions.fold(result, inputs);
    }
}
