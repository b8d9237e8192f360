package io.sluice.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.parser.TokenMgrException;

/**
 * Parses expression text with JSqlParser and turns its failures into {@link ExpressionException}s that say what was
 * unexpected and where, instead of JSqlParser's multi-line messages.
 */
final class SqlParser {
    private static final Pattern LEXICAL_POSITION = Pattern.compile("line (\\d+), column (\\d+)");
    private static final int MAX_EXPECTED = 4;

    private final ExpressionSource source;
    /** The parser of the last attempt: JSqlParser retries hard expressions with a second parser. */
    private CCJSqlParser parser;

    private SqlParser(ExpressionSource source) {
        this.source = source;
    }

    static Expression parse(ExpressionSource source) {
        if (source.sql().isBlank()) {
            throw source.error(0, "the expression is empty");
        }
        return new SqlParser(source).parse();
    }

    private Expression parse() {
        try {
            // Without partial parsing, trailing text such as "qty * price x" is an error instead of being ignored.
            return CCJSqlParserUtil.parseExpression(source.sql(), false, p -> parser = p);
        } catch (JSQLParserException e) {
            throw syntaxError(e);
        } catch (TokenMgrException e) {
            throw lexicalError(e);
        }
    }

    private ExpressionException syntaxError(JSQLParserException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ParseException parse && parse.currentToken != null) {
                return unexpected(parse.currentToken.next, expected(parse));
            }
            if (cause instanceof TokenMgrException lexical) {
                return lexicalError(lexical);
            }
        }
        if (parser != null && parser.token != null && parser.token.kind != CCJSqlParserConstants.EOF) {
            // Parsed an expression, then found more text: the parser stopped at the token that does not fit.
            return unexpected(parser.token, List.of());
        }
        return source.error(-1, "syntax error: %s", oneLine(e.getMessage()));
    }

    private ExpressionException unexpected(Token token, List<String> expected) {
        String hint = expected.isEmpty() ? "" : " (expected " + String.join(" or ", expected) + ")";
        if (token == null || token.kind == CCJSqlParserConstants.EOF) {
            return source.error(source.sql().stripTrailing().length(), "syntax error: unexpected end%s", hint);
        }
        return source.error(source.offset(token), "syntax error: unexpected '%s'%s", token.image, hint);
    }

    /** The tokens the parser would have accepted, when they are few enough to help. */
    private static List<String> expected(ParseException e) {
        List<String> expected = new ArrayList<>();
        if (e.expectedTokenSequences == null || e.tokenImage == null) {
            return expected;
        }
        for (int[] sequence : e.expectedTokenSequences) {
            if (sequence.length > 0) {
                String image = e.tokenImage[sequence[0]].replace('"', '\'');
                if (image.startsWith("'") && !expected.contains(image)) {
                    expected.add(image);
                }
            }
        }
        return expected.size() <= MAX_EXPECTED ? expected : List.of();
    }

    private ExpressionException lexicalError(TokenMgrException e) {
        String message = oneLine(e.getMessage());
        Matcher position = LEXICAL_POSITION.matcher(message);
        int offset = -1;
        if (position.find()) {
            Token at = new Token();
            at.beginLine = Integer.parseInt(position.group(1));
            at.beginColumn = Integer.parseInt(position.group(2));
            offset = Math.min(source.offset(at), source.sql().length());
        }
        if (message.contains("<EOF>") && source.sql().indexOf('\'') >= 0) {
            return source.error(source.sql().lastIndexOf('\''), "syntax error: unterminated string");
        }
        return source.error(offset, "syntax error: %s", message);
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }
}
