package io.sluice.expr;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.parser.SimpleNode;
import net.sf.jsqlparser.parser.Token;

/**
 * The text of one expression and where its parts are in it: JSqlParser records tokens by line and column for the
 * nodes it tracks, and the nodes it does not track (arithmetic, AND...) are located through their operands. Also makes
 * the {@link ExpressionException}s, which all name the expression.
 */
final class ExpressionSource {
    private final String sql;
    private final int[] lineStarts;

    ExpressionSource(String sql) {
        this.sql = sql;
        this.lineStarts = lineStarts(sql);
    }

    String sql() {
        return sql;
    }

    /** The 0-based offset where the expression starts in the text, or -1 when the parser did not record it. */
    int position(Expression e) {
        return offset(firstToken(e));
    }

    /** The offset of a binary operator's symbol ({@code *} in {@code qty * name}), else of the whole expression. */
    int operatorPosition(BinaryExpression e) {
        Token last = lastToken(e.getLeftExpression());
        return last != null && last.next != null ? offset(last.next) : position(e);
    }

    /** The expression as written, or as JSqlParser prints it when the parser did not record where it is. */
    String text(Expression e) {
        Token first = firstToken(e);
        Token last = lastToken(e);
        int start = offset(first);
        int end = last == null ? -1 : offset(last.endLine, last.endColumn) + 1;
        if (start < 0 || end <= start || end > sql.length()) {
            return e.toString();
        }
        return sql.substring(start, end);
    }

    /** The 0-based offset of a token, or -1 for none. */
    int offset(Token token) {
        return token == null ? -1 : offset(token.beginLine, token.beginColumn);
    }

    ExpressionException error(Expression at, String format, Object... args) {
        return error(position(at), format, args);
    }

    ExpressionException error(int position, String format, Object... args) {
        String message = args.length == 0 ? format : String.format(format, args);
        return new ExpressionException("expression \"" + sql + "\": " + message, position);
    }

    private int offset(int line, int column) {
        if (line < 1 || line > lineStarts.length || column < 1) {
            return -1;
        }
        int offset = lineStarts[line - 1] + column - 1;
        return offset <= sql.length() ? offset : -1;
    }

    private static Token firstToken(Expression e) {
        SimpleNode node = e.getASTNode();
        if (node != null) {
            return node.jjtGetFirstToken();
        }
        if (e instanceof BinaryExpression binary) {
            return firstToken(binary.getLeftExpression());
        }
        if (e instanceof InExpression in) {
            return firstToken(in.getLeftExpression());
        }
        if (e instanceof Between between) {
            return firstToken(between.getLeftExpression());
        }
        return null;
    }

    private static Token lastToken(Expression e) {
        SimpleNode node = e.getASTNode();
        if (node != null) {
            return node.jjtGetLastToken();
        }
        if (e instanceof BinaryExpression binary) {
            return lastToken(binary.getRightExpression());
        }
        if (e instanceof InExpression in) {
            return lastToken(in.getRightExpression());
        }
        if (e instanceof Between between) {
            return lastToken(between.getBetweenExpressionEnd());
        }
        return null;
    }

    private static int[] lineStarts(String sql) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
