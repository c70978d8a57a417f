package org.fieldplan.benchmarks.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * A minimal line chart rendered as standalone SVG text: polylines with optional point labels, dashed reference
 * lines, ticked axes (linear or base-10 logarithmic) and a legend. Enough for the suite summary without a chart
 * library.
 */
final class SvgLineChart {

    /** One point; {@code label} is drawn beside it when not null. */
    record Point(double x, double y, String label) {
        Point(double x, double y) {
            this(x, y, null);
        }
    }

    private record Series(String name, List<Point> points, boolean dashed) {
    }

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int LEFT = 80;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logX;
    private final boolean logY;
    private final List<Series> series = new ArrayList<>();

    SvgLineChart(String title, String xLabel, boolean logX, String yLabel, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logX = logX;
        this.logY = logY;
    }

    SvgLineChart line(String name, List<Point> points) {
        series.add(new Series(name, List.copyOf(points), false));
        return this;
    }

    /** A dashed line, e.g. a baseline level drawn across the chart. */
    SvgLineChart dashed(String name, List<Point> points) {
        series.add(new Series(name, List.copyOf(points), true));
        return this;
    }

    String render() {
        List<Point> all = series.stream().flatMap(s -> s.points().stream()).toList();
        if (all.isEmpty()) {
            throw new IllegalStateException("chart " + title + " has no points");
        }
        Axis x = Axis.of(all.stream().mapToDouble(Point::x).toArray(), logX, LEFT, WIDTH - RIGHT);
        Axis y = Axis.of(all.stream().mapToDouble(Point::y).toArray(), logY, HEIGHT - BOTTOM, TOP);
        StringBuilder svg = new StringBuilder();
        svg.append(format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">\n", WIDTH, HEIGHT));
        svg.append(format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", WIDTH, HEIGHT));
        svg.append(format("<text x=\"%d\" y=\"20\" font-size=\"14\" text-anchor=\"middle\">%s</text>\n",
                WIDTH / 2, escape(title)));
        axes(svg, x, y);
        for (int i = 0; i < series.size(); i++) {
            polyline(svg, series.get(i), COLOURS[i % COLOURS.length], x, y);
        }
        legend(svg);
        return svg.append("</svg>\n").toString();
    }

    private void axes(StringBuilder svg, Axis x, Axis y) {
        int bottom = HEIGHT - BOTTOM;
        svg.append(format("<path d=\"M%d %d V%d H%d\" stroke=\"black\" fill=\"none\"/>\n", LEFT, TOP, bottom,
                WIDTH - RIGHT));
        for (double tick : x.ticks()) {
            double px = x.map(tick);
            svg.append(format("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>", px, TOP, px, bottom))
                    .append(format("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", px, bottom + 15,
                            Axis.label(tick)));
        }
        for (double tick : y.ticks()) {
            double py = y.map(tick);
            svg.append(format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>", LEFT, py,
                            WIDTH - RIGHT, py))
                    .append(format("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", LEFT - 5, py + 4,
                            Axis.label(tick)));
        }
        svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 12, escape(xLabel)));
        svg.append(format("<text x=\"15\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 15 %d)\">%s</text>\n",
                (TOP + bottom) / 2, (TOP + bottom) / 2, escape(yLabel)));
    }

    private static void polyline(StringBuilder svg, Series s, String colour, Axis x, Axis y) {
        StringBuilder points = new StringBuilder();
        for (Point p : s.points()) {
            points.append(format("%.1f,%.1f ", x.map(p.x()), y.map(p.y())));
        }
        svg.append(format("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>\n",
                points.toString().trim(), colour, s.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
        for (Point p : s.points()) {
            if (p.label() != null) {
                double px = x.map(p.x());
                double py = y.map(p.y());
                svg.append(format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", px, py, colour))
                        .append(format("<text x=\"%.1f\" y=\"%.1f\">%s</text>\n", px + 5, py - 5, escape(p.label())));
            }
        }
    }

    private void legend(StringBuilder svg) {
        for (int i = 0; i < series.size(); i++) {
            int ly = TOP + 5 + 16 * i;
            svg.append(format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>",
                    LEFT + 10, ly, LEFT + 30, ly, COLOURS[i % COLOURS.length],
                    series.get(i).dashed() ? " stroke-dasharray=\"6 4\"" : ""))
                    .append(format("<text x=\"%d\" y=\"%d\">%s</text>\n", LEFT + 35, ly + 4,
                            escape(series.get(i).name())));
        }
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Maps data values to pixels; a logarithmic axis maps log10 of the value. */
    private record Axis(double min, double max, boolean log, double fromPixel, double toPixel) {

        static Axis of(double[] values, boolean log, double fromPixel, double toPixel) {
            DoubleUnaryOperator scale = log ? Math::log10 : v -> v;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                lo = Math.min(lo, scale.applyAsDouble(v));
                hi = Math.max(hi, scale.applyAsDouble(v));
            }
            // Pad by 5% (or one unit for a flat series) so lines do not run along the frame.
            double pad = hi > lo ? (hi - lo) * 0.05 : Math.max(Math.abs(hi) * 0.05, 1e-9);
            return new Axis(lo - pad, hi + pad, log, fromPixel, toPixel);
        }

        double map(double value) {
            double v = log ? Math.log10(value) : value;
            return fromPixel + (v - min) / (max - min) * (toPixel - fromPixel);
        }

        /** Powers of ten on a log axis (1-2-5 steps when less than two decades), else about five round steps. */
        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            if (log) {
                double[] mantissas = max - min < 2 ? new double[] {1, 2, 5} : new double[] {1};
                for (int e = (int) Math.floor(min); e <= Math.ceil(max); e++) {
                    for (double m : mantissas) {
                        double v = Math.log10(m) + e;
                        if (v >= min && v <= max) {
                            ticks.add(Math.pow(10, v));
                        }
                    }
                }
                return ticks;
            }
            double raw = (max - min) / 5;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = magnitude * (raw / magnitude < 2 ? 2 : raw / magnitude < 5 ? 5 : 10);
            // Whole multiples of the step, not a running sum, so ticks stay round numbers.
            for (long k = (long) Math.ceil(min / step); k * step <= max; k++) {
                ticks.add(k * step);
            }
            return ticks;
        }

        static String label(double value) {
            double abs = Math.abs(value);
            if (abs >= 1e6) {
                return trim(value / 1e6) + "M";
            }
            if (abs >= 1e3) {
                return trim(value / 1e3) + "k";
            }
            return trim(value);
        }

        private static String trim(double value) {
            return String.format(Locale.ROOT, "%.2f", value + 0.0).replaceAll("\\.?0+$", "");
        }
    }
}
