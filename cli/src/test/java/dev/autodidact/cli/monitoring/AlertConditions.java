package dev.autodidact.cli.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts, from an alert expression, the queries whose results the alert compares with a threshold, so that a test
 * can check that each returns data even while the alert does not fire.
 *
 * <p>The expression is split at its top-level set operators ({@code or}, {@code and}, {@code unless}; a following
 * {@code on(...)} or {@code ignoring(...)} is dropped), and each part is cut at its first top-level comparison
 * ({@code == != >= <= > <}), keeping the left-hand side. "Top level" means outside parentheses, brackets, braces and
 * quotes, so {@code rate(x[5m]) / rate(y[5m]) > 0.05} yields {@code rate(x[5m]) / rate(y[5m])} and
 * {@code x != x or abs(x) == +Inf} yields {@code x} and {@code abs(x)}. Comparison binds more loosely than arithmetic
 * and more tightly than the set operators in PromQL, which is what makes this cut correct.
 */
final class AlertConditions {
    private static final Pattern SET_OPERATOR = Pattern.compile("(?<![\\w:])(or|and|unless)(?![\\w:])");
    private static final Pattern MATCHING = Pattern.compile("^\\s*(on|ignoring)\\s*\\([^)]*\\)");
    private static final Pattern COMPARISON = Pattern.compile("==|!=|>=|<=|>|<");

    private AlertConditions() {}

    /**
     * @param expr an alert rule's expression
     * @return the queries compared with thresholds, trimmed, in order
     */
    static List<String> queries(String expr) {
        List<String> out = new ArrayList<>();
        for (String part : split(expr, SET_OPERATOR)) {
            String operand = MATCHING.matcher(part).replaceFirst("");
            out.add(leftOfComparison(operand).trim());
        }
        return out;
    }

    private static List<String> split(String expr, Pattern operator) {
        boolean[] top = topLevel(expr);
        List<String> parts = new ArrayList<>();
        int start = 0;
        Matcher m = operator.matcher(expr);
        while (m.find()) {
            if (top[m.start()]) {
                parts.add(expr.substring(start, m.start()));
                start = m.end();
            }
        }
        parts.add(expr.substring(start));
        return parts;
    }

    private static String leftOfComparison(String expr) {
        boolean[] top = topLevel(expr);
        Matcher m = COMPARISON.matcher(expr);
        while (m.find()) {
            if (top[m.start()]) {
                return expr.substring(0, m.start());
            }
        }
        return expr;
    }

    /** @return for each character, whether it lies outside every bracket pair and quoted string */
    private static boolean[] topLevel(String s) {
        boolean[] top = new boolean[s.length()];
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else {
                top[i] = depth == 0;
            }
        }
        return top;
    }
}
