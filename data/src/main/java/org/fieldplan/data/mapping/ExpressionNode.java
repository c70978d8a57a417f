package org.fieldplan.data.mapping;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One parsed piece: how to evaluate it, whether it is a condition, the columns below it and, for
 * {@code coalesce}, when its fallback stands in.
 */
final class ExpressionNode {
    private final Evaluation evaluation;
    final boolean condition;
    final Set<String> columns = new HashSet<>();
    private final List<ExpressionNode> children;
    Predicate<Expression.Row> fallback;
    String text = "";

    ExpressionNode(Evaluation evaluation, boolean condition, ExpressionNode... children) {
        this.evaluation = evaluation;
        this.condition = condition;
        this.children = List.of(children);
        for (ExpressionNode child : children) {
            columns.addAll(child.columns);
        }
    }

    /** Whether this node or one below it has a fallback; {@code row} null: whether any exists at all. */
    boolean fellBack(Expression.Row row) {
        if (fallback != null && (row == null || fallback.test(row))) {
            return true;
        }
        return children.stream().anyMatch(child -> child.fellBack(row));
    }

    ExpressionNode withText(String written) {
        this.text = written;
        return this;
    }

    double eval(Expression.Row row) {
        return evaluation.eval(row);
    }

    @FunctionalInterface
    interface Evaluation {
        double eval(Expression.Row row);
    }

    /** A whole parsed expression: its text and the root of its tree. */
    record Parsed(String text, ExpressionNode root) implements Expression {

        @Override
        public double evaluate(Row row) {
            return root.eval(row);
        }

        @Override
        public boolean isCondition() {
            return root.condition;
        }

        @Override
        public Set<String> columns() {
            return Set.copyOf(root.columns);
        }

        @Override
        public boolean hasFallback() {
            return root.fellBack(null);
        }

        @Override
        public boolean fellBack(Row row) {
            return root.fellBack(row);
        }
    }
}
