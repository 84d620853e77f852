package org.crema.columnar;

import java.util.List;

/** Test inputs around the boundaries of fdlibm's branches, shared by the exact-port tests. */
final class DoubleNeighbours {
    private DoubleNeighbours() {
    }

    /** Adds ±v and the {@code ulps} doubles above and below each of them. */
    static void addAround(List<Double> to, double v, int ulps) {
        double up = v;
        double down = v;
        to.add(v);
        to.add(-v);
        for (int i = 0; i < ulps; i++) {
            up = Math.nextUp(up);
            down = Math.nextDown(down);
            to.add(up);
            to.add(-up);
            to.add(down);
            to.add(-down);
        }
    }

    /** @return the double whose high 32 bits are {@code hi} and low 32 bits zero (fdlibm's thresholds) */
    static double highWord(int hi) {
        return Double.longBitsToDouble((long) hi << 32);
    }
}
