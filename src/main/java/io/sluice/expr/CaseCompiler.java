package io.sluice.expr;

import io.sluice.types.DataType;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.WhenClause;

/**
 * Compiles {@code CASE WHEN c THEN r ... [ELSE e] END} and {@code CASE x WHEN v THEN r ... END}: the results share
 * one type ({@link Unification#valueType}); without {@code ELSE} the value is NULL when no branch applies.
 */
final class CaseCompiler {
    private final ExpressionCompiler compiler;
    private final Unification unification;

    CaseCompiler(ExpressionCompiler compiler, Unification unification) {
        this.compiler = compiler;
        this.unification = unification;
    }

    Operand compile(CaseExpression e) {
        List<WhenClause> clauses = e.getWhenClauses();
        List<Operand> results = new ArrayList<>();
        for (WhenClause clause : clauses) {
            results.add(compiler.compile(clause.getThenExpression()));
        }
        Expression otherwise = e.getElseExpression() == null ? new NullValue() : e.getElseExpression();
        results.add(compiler.compile(otherwise));
        DataType type = unification.valueType(results, "CASE branches");
        results = unification.asType(results, type);
        List<Node> thenNodes = nodes(results.subList(0, clauses.size()));
        Node elseNode = results.get(clauses.size()).node();

        List<Operand> inputs = new ArrayList<>(results);
        Node node;
        if (e.getSwitchExpression() == null) {
            List<Operand> conditions = new ArrayList<>();
            for (WhenClause clause : clauses) {
                conditions.add(compiler.operators().bool(compiler.compile(clause.getWhenExpression()), "WHEN"));
            }
            inputs.addAll(conditions);
            node = Conditionals.searchedCase(type, nodes(conditions), thenNodes, elseNode);
        } else {
            List<Operand> compared = new ArrayList<>();
            compared.add(compiler.compile(e.getSwitchExpression()));
            for (WhenClause clause : clauses) {
                compared.add(compiler.compile(clause.getWhenExpression()));
            }
            DataType comparisonType = unification.comparisonType(compared, "CASE");
            compared = unification.forComparison(compared, comparisonType);
            ValueOrder order = unification.order(comparisonType, compared.get(0));
            inputs.addAll(compared);
            node = Conditionals.simpleCase(
                    type,
                    order,
                    compared.get(0).node(),
                    nodes(compared.subList(1, compared.size())),
                    thenNodes,
                    elseNode);
        }
        return Coercions.fold(new Operand(node, e), inputs);
    }

    private static List<Node> nodes(List<Operand> operands) {
        return operands.stream().map(Operand::node).toList();
    }
}
