package io.sluice.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.InExpression;

/**
 * Builds the {@code AND} / {@code OR} / {@code NOT} structure of a parsed condition again: the tree is read back into
 * its sequence of predicates and operators, which is then grouped with SQL's precedence ({@code NOT} before {@code
 * AND} before {@code OR}); the caller compiles each predicate and supplies the {@link Connectives} that combine them.
 *
 * <p>This repairs a JSqlParser 5.3 bug (issues 2244 and 2356): the parser reads everything after {@code IN} as the
 * right side of the {@code IN}, so {@code a = 1 AND k IN (1) OR b = 2} arrives as {@code a = 1 AND k IN ((1) OR b =
 * 2)}. For a tree without that defect, reading it back and grouping it again gives the same tree.
 *
 * @param <T> what the caller compiles predicates to
 */
public final class BooleanStructure<T> {
    /** How compiled predicates combine. */
    public interface Connectives<T> {
        T and(T left, T right);

        T or(T left, T right);

        T not(T operand);
    }

    private final List<Piece> pieces = new ArrayList<>();
    private final Function<Expression, T> predicates;
    private final Connectives<T> connectives;
    private int next;

    private BooleanStructure(Function<Expression, T> predicates, Connectives<T> connectives) {
        this.predicates = predicates;
        this.connectives = connectives;
    }

    /**
     * True for the expressions {@link #compile} regroups: {@code AND}, {@code OR}, {@code NOT}, and an {@code IN} that
     * swallowed the text after it. Anything else is a single predicate.
     */
    public static boolean isStructure(Expression e) {
        return e instanceof AndExpression
                || e instanceof OrExpression
                || e instanceof NotExpression
                || (e instanceof InExpression in && swallowedTail(in));
    }

    /** Compiles a condition; parentheses are predicates to the caller, who compiles what they hold the same way. */
    public static <T> T compile(Expression expression, Function<Expression, T> predicates, Connectives<T> connectives) {
        BooleanStructure<T> structure = new BooleanStructure<>(predicates, connectives);
        structure.read(expression);
        return structure.or();
    }

    private void read(Expression e) {
        if (e instanceof AndExpression and) {
            read(and.getLeftExpression());
            pieces.add(Piece.of(Kind.AND));
            read(and.getRightExpression());
        } else if (e instanceof OrExpression or) {
            read(or.getLeftExpression());
            pieces.add(Piece.of(Kind.OR));
            read(or.getRightExpression());
        } else if (e instanceof NotExpression not) {
            pieces.add(Piece.of(Kind.NOT));
            read(not.getExpression());
        } else if (e instanceof InExpression in && swallowedTail(in)) {
            int first = pieces.size();
            read(in.getRightExpression());
            // The tail starts with the IN's own list, since the text after IN starts with it.
            Expression list = pieces.get(first).predicate();
            pieces.set(first, Piece.predicate(new InExpression(in.getLeftExpression(), list).withNot(in.isNot())));
        } else {
            pieces.add(Piece.predicate(e));
        }
    }

    private static boolean swallowedTail(InExpression in) {
        return in.getRightExpression() instanceof AndExpression || in.getRightExpression() instanceof OrExpression;
    }

    private T or() {
        T condition = and();
        while (take(Kind.OR)) {
            condition = connectives.or(condition, and());
        }
        return condition;
    }

    private T and() {
        T condition = not();
        while (take(Kind.AND)) {
            condition = connectives.and(condition, not());
        }
        return condition;
    }

    private T not() {
        if (take(Kind.NOT)) {
            return connectives.not(not());
        }
        return predicates.apply(pieces.get(next++).predicate());
    }

    private boolean take(Kind kind) {
        if (next < pieces.size() && pieces.get(next).kind() == kind) {
            next++;
            return true;
        }
        return false;
    }

    private enum Kind {
        AND,
        OR,
        NOT,
        PREDICATE
    }

    /** An operator, or a predicate: anything that is not AND, OR or NOT. */
    private record Piece(Kind kind, Expression predicate) {
        static Piece of(Kind operator) {
            return new Piece(operator, null);
        }

        static Piece predicate(Expression predicate) {
            return new Piece(Kind.PREDICATE, predicate);
        }
    }
}
