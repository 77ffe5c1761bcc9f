package dev.vigil.metrics.promql.engine;

import dev.vigil.metrics.promql.ast.BinaryOp;

/** The arithmetic and comparisons of PromQL's binary operators on two numbers, with Go's special cases. */
final class Ops {

    private Ops() {}

    /** Whether {@code op} computes a new value (and so drops the metric name) rather than comparing. */
    static boolean isArithmetic(BinaryOp op) {
        return switch (op) {
            case ADD, SUB, MUL, DIV, MOD, POW, ATAN2 -> true;
            default -> false;
        };
    }

    /** {@code l op r} for an arithmetic operator. */
    static double arithmetic(BinaryOp op, double l, double r) {
        return switch (op) {
            case ADD -> l + r;
            case SUB -> l - r;
            case MUL -> l * r;
            case DIV -> l / r;
            case MOD -> l % r;
            case POW -> pow(l, r);
            case ATAN2 -> Math.atan2(l, r);
            default -> throw new IllegalArgumentException("not arithmetic: " + op);
        };
    }

    /** {@code l op r} for a comparison operator. */
    static boolean compare(BinaryOp op, double l, double r) {
        return switch (op) {
            case EQL -> l == r;
            case NEQ -> l != r;
            case GTR -> l > r;
            case LSS -> l < r;
            case GTE -> l >= r;
            case LTE -> l <= r;
            default -> throw new IllegalArgumentException("not a comparison: " + op);
        };
    }

    /** {@code l op r} for any operator, a comparison giving 1 or 0. */
    static double scalar(BinaryOp op, double l, double r) {
        if (op.isComparison()) {
            return compare(op, l, r) ? 1 : 0;
        }
        return arithmetic(op, l, r);
    }

    /** Go's {@code math.Pow}, which differs from Java's for a base of 1 or -1. */
    static double pow(double x, double y) {
        if (x == 1 || y == 0) {
            return 1;
        }
        if (x == -1 && Double.isInfinite(y)) {
            return 1;
        }
        return Math.pow(x, y);
    }
}
