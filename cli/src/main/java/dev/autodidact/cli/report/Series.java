package dev.autodidact.cli.report;

/**
 * One named curve: {@code y[i]} at {@code x[i]}, in the order of the versions it came from.
 *
 * @param name legend entry
 * @param x horizontal values
 * @param y vertical values, all finite
 */
public record Series(String name, double[] x, double[] y) {

    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("Series " + name + " has " + x.length + " x and " + y.length + " y");
        }
    }

    public boolean isEmpty() {
        return x.length == 0;
    }

    public int size() {
        return x.length;
    }
}
