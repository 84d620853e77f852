/**
 * crema io-nanoaod: a ROOT TTree reader for CMS NanoAOD ({@code org.crema.io}) and an events view
 * grouping branches into collections ({@code org.crema.nano}).
 */
module org.crema.io {
    requires transitive org.crema.columnar;
    requires org.tukaani.xz;
    requires org.lz4.java;
    requires aircompressor;
    requires java.net.http;
    requires jdk.security.auth;

    exports org.crema.io;
    exports org.crema.io.write;
    exports org.crema.nano;
    exports org.crema.io.rntuple;
}
