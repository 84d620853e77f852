/**
 * crema core-columnar: immutable flat, list and record columns, and the kernels that work on them.
 * The Vector API is optional at run time: kernels fall back to scalar code without it.
 */
module org.crema.columnar {
    requires static jdk.incubator.vector;

    exports org.crema.columnar;
}
