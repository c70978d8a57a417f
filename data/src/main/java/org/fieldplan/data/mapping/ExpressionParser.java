package org.fieldplan.data.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Supplier;

/**
 * Parses the mapping language by recursive descent. Grammar (lowest precedence first):
 *
 * <pre>
 * or         := and ("or" and)*
 * and        := comparison ("and" comparison)*
 * comparison := sum (("&gt;=" | "&gt;" | "&lt;=" | "&lt;" | "==" | "!=") sum)?
 * sum        := product (("+" | "-") product)*
 * product    := unary (("*" | "/") unary)*
 * unary      := "-" unary | primary
 * primary    := number | column | "[" any column name "]" | function "(" or ("," or)* ")" | "(" or ")"
 * function   := min | max | ratio(a, b, ifZero) | coalesce(a, b)
 * </pre>
 *
 * A column is a bare name ({@code GOV18D}) or, when it has spaces or symbols, a bracketed one
 * ({@code [Total Votes]}). Division by zero is an error of the row, except in {@code ratio}, which states the value
 * to use instead.
 *
 * <p>Mappings come from uploads, so the parser bounds its own work: an expression longer than
 * {@value #MAX_LENGTH} characters is refused before parsing, and one nesting parentheses, unary minus or function
 * calls more than {@value #MAX_DEPTH} levels deep while parsing. Recursive descent (and the evaluation of the tree)
 * would otherwise need a stack frame per level and overflow the stack.
 */
public final class ExpressionParser {

    /** Far above any real mapping's expression (the longest shipped is under 100 characters). */
    public static final int MAX_LENGTH = 2000;
    /** Levels of parentheses, unary minus and function calls, nested. */
    public static final int MAX_DEPTH = 64;
    /** How much of the text an error message repeats. */
    private static final int QUOTED_CHARS = 60;

    private final String text;
    private int position;
    private int depth;

    private ExpressionParser(String text) {
        this.text = text;
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the position and what was expected
     */
    public static Expression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("is " + text.length() + " characters long, more than the " + MAX_LENGTH
                    + " allowed");
        }
        ExpressionParser parser = new ExpressionParser(text);
        ExpressionNode node = parser.or();
        parser.skipSpaces();
        if (parser.position < text.length()) {
            throw parser.error("unexpected '" + text.charAt(parser.position) + "'");
        }
        return new ExpressionNode.Parsed(text.strip(), node);
    }

    private ExpressionNode or() {
        return logical("or", this::and);
    }

    private ExpressionNode and() {
        return logical("and", this::comparison);
    }

    /**
     * {@code operand (keyword operand)*} for {@code and}/{@code or}; both sides are evaluated (no short cut), so a
     * row's bad value is reported whichever side it is on.
     */
    private ExpressionNode logical(String keyword, Supplier<ExpressionNode> operand) {
        int start = skipSpacesAndMark();
        ExpressionNode left = operand.get();
        while (keyword(keyword)) {
            ExpressionNode l = condition(left, keyword);
            ExpressionNode r = condition(operand.get(), keyword);
            boolean isOr = keyword.equals("or");
            left = new ExpressionNode(row -> {
                boolean a = l.eval(row) != 0;
                boolean b = r.eval(row) != 0;
                return (isOr ? a || b : a && b) ? 1 : 0;
            }, true, l, r).withText(since(start));
        }
        return left;
    }

    private ExpressionNode comparison() {
        int start = skipSpacesAndMark();
        ExpressionNode left = sum();
        for (String op : List.of(">=", "<=", "==", "!=", ">", "<")) {
            if (symbol(op)) {
                ExpressionNode l = number(left, op);
                ExpressionNode r = number(sum(), op);
                DoubleBinaryOperator test = switch (op) {
                    case ">=" -> (a, b) -> a >= b ? 1 : 0;
                    case "<=" -> (a, b) -> a <= b ? 1 : 0;
                    case "==" -> (a, b) -> a == b ? 1 : 0;
                    case "!=" -> (a, b) -> a != b ? 1 : 0;
                    case ">" -> (a, b) -> a > b ? 1 : 0;
                    default -> (a, b) -> a < b ? 1 : 0;
                };
                return new ExpressionNode(row -> test.applyAsDouble(l.eval(row), r.eval(row)), true, l, r)
                        .withText(since(start));
            }
        }
        return left;
    }

    private ExpressionNode sum() {
        return leftAssociative(this::product, "+", "-");
    }

    private ExpressionNode product() {
        return leftAssociative(this::unary, "*", "/");
    }

    /** {@code operand (op operand)*} for arithmetic operators of one precedence, evaluated left to right. */
    private ExpressionNode leftAssociative(Supplier<ExpressionNode> operand, String... operators) {
        int start = skipSpacesAndMark();
        ExpressionNode left = operand.get();
        for (String op = nextSymbol(operators); op != null; op = nextSymbol(operators)) {
            ExpressionNode l = number(left, op);
            ExpressionNode r = number(operand.get(), op);
            DoubleBinaryOperator arithmetic = arithmetic(op, r.text);
            left = new ExpressionNode(row -> arithmetic.applyAsDouble(l.eval(row), r.eval(row)), false, l, r)
                    .withText(since(start));
        }
        return left;
    }

    private static DoubleBinaryOperator arithmetic(String op, String divisor) {
        return switch (op) {
            case "+" -> (a, b) -> a + b;
            case "-" -> (a, b) -> a - b;
            case "*" -> (a, b) -> a * b;
            default -> (a, b) -> {
                if (b == 0) {
                    throw new RowValueException("division by zero: " + divisor + " is 0 (use ratio(a, b, "
                            + "valueIfZero) where 0 is expected)");
                }
                return a / b;
            };
        };
    }

    private String nextSymbol(String... symbols) {
        for (String symbol : symbols) {
            if (symbol(symbol)) {
                return symbol;
            }
        }
        return null;
    }

    private ExpressionNode unary() {
        if (symbol("-")) {
            ExpressionNode operand = number(nested(this::unary), "-");
            return new ExpressionNode(row -> -operand.eval(row), false, operand);
        }
        return primary();
    }

    /** Parses one level deeper, refusing to go past {@link #MAX_DEPTH}. */
    private ExpressionNode nested(Supplier<ExpressionNode> inner) {
        if (++depth > MAX_DEPTH) {
            throw new IllegalArgumentException("nests more than " + MAX_DEPTH + " levels deep at position " + position
                    + " of '" + quoted() + "'");
        }
        ExpressionNode node = inner.get();
        depth--;
        return node;
    }

    private ExpressionNode primary() {
        skipSpaces();
        int start = position;
        if (symbol("(")) {
            ExpressionNode inner = nested(this::or);
            expect(")");
            return inner.withText(text.substring(start, position).strip());
        }
        if (symbol("[")) {
            int end = text.indexOf(']', position);
            if (end < 0) {
                throw error("'[' without a closing ']'");
            }
            String column = text.substring(position, end).strip();
            position = end + 1;
            if (column.isEmpty()) {
                throw error("empty column name '[]'");
            }
            return column(column);
        }
        if (position < text.length() && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.')) {
            while (position < text.length() && (Character.isDigit(text.charAt(position))
                    || text.charAt(position) == '.')) {
                position++;
            }
            String literal = text.substring(start, position);
            try {
                double value = Double.parseDouble(literal);
                return new ExpressionNode(row -> value, false).withText(literal);
            } catch (NumberFormatException e) {
                throw error("'" + literal + "' is not a number");
            }
        }
        String name = identifier();
        if (name == null) {
            throw error(position < text.length() ? "unexpected '" + text.charAt(position) + "'"
                    : "expression ends too early");
        }
        skipSpaces();
        if (position < text.length() && text.charAt(position) == '(') {
            return function(name, start);
        }
        return column(name);
    }

    private ExpressionNode function(String name, int start) {
        expect("(");
        List<ExpressionNode> arguments = new ArrayList<>();
        do {
            arguments.add(nested(this::or));
        } while (symbol(","));
        expect(")");
        String written = text.substring(start, position).strip();
        ExpressionNode node = switch (name.toLowerCase(Locale.ROOT)) {
            case "min" -> fold(arguments, name, Math::min);
            case "max" -> fold(arguments, name, Math::max);
            case "ratio" -> ratio(arguments);
            case "coalesce" -> coalesce(arguments);
            default -> throw error("unknown function '" + name + "' (known: min, max, ratio, coalesce)");
        };
        return node.withText(written);
    }

    private ExpressionNode fold(List<ExpressionNode> arguments, String name, DoubleBinaryOperator op) {
        List<ExpressionNode> numbers = arguments.stream().map(a -> number(a, name)).toList();
        return new ExpressionNode(row -> {
            double result = numbers.get(0).eval(row);
            for (int i = 1; i < numbers.size(); i++) {
                result = op.applyAsDouble(result, numbers.get(i).eval(row));
            }
            return result;
        }, false, numbers.toArray(ExpressionNode[]::new));
    }

    private ExpressionNode ratio(List<ExpressionNode> arguments) {
        if (arguments.size() != 3) {
            throw error("ratio needs three arguments: ratio(numerator, denominator, valueIfDenominatorIsZero)");
        }
        ExpressionNode a = number(arguments.get(0), "ratio");
        ExpressionNode b = number(arguments.get(1), "ratio");
        ExpressionNode ifZero = number(arguments.get(2), "ratio");
        return new ExpressionNode(row -> {
            double d = b.eval(row);
            return d == 0 ? ifZero.eval(row) : a.eval(row) / d;
        }, false, a, b, ifZero);
    }

    /** {@code coalesce(a, b)}: a, or b when a reads a column that is missing or null in this row. */
    private ExpressionNode coalesce(List<ExpressionNode> arguments) {
        if (arguments.size() != 2) {
            throw error("coalesce needs two arguments: coalesce(value, valueIfMissing)");
        }
        ExpressionNode a = number(arguments.get(0), "coalesce");
        ExpressionNode b = number(arguments.get(1), "coalesce");
        ExpressionNode node = new ExpressionNode(row -> a.columns.stream().allMatch(row::has) ? a.eval(row) : b.eval(row), false, a, b);
        node.fallback = row -> !a.columns.stream().allMatch(row::has);
        return node;
    }

    private ExpressionNode column(String name) {
        ExpressionNode node = new ExpressionNode(row -> row.number(name), false).withText(name);
        node.columns.add(name);
        return node;
    }

    private ExpressionNode number(ExpressionNode node, String operator) {
        if (node.condition) {
            throw error("'" + operator + "' needs a number, not the condition '" + node.text + "'");
        }
        return node;
    }

    private ExpressionNode condition(ExpressionNode node, String operator) {
        if (!node.condition) {
            throw error("'" + operator + "' needs a condition (a comparison), not '" + node.text + "'");
        }
        return node;
    }

    private String identifier() {
        skipSpaces();
        int start = position;
        while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position))
                || text.charAt(position) == '_')) {
            position++;
        }
        return position == start || Character.isDigit(text.charAt(start)) ? null : text.substring(start, position);
    }

    private boolean keyword(String word) {
        skipSpaces();
        int end = position + word.length();
        if (text.regionMatches(true, position, word, 0, word.length())
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '_')) {
            position = end;
            return true;
        }
        return false;
    }

    private boolean symbol(String symbol) {
        skipSpaces();
        if (text.startsWith(symbol, position)) {
            position += symbol.length();
            return true;
        }
        return false;
    }

    private void expect(String symbol) {
        if (!symbol(symbol)) {
            throw error("expected '" + symbol + "'");
        }
    }

    private int skipSpacesAndMark() {
        skipSpaces();
        return position;
    }

    private String since(int start) {
        return text.substring(start, position).strip();
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + " at position " + (position + 1) + " of '" + quoted() + "'");
    }

    private String quoted() {
        return text.length() <= QUOTED_CHARS ? text : text.substring(0, QUOTED_CHARS) + "…";
    }
}
