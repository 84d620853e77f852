package org.crema.io.internal.streamer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.crema.io.internal.buffer.RootBuffer;
import org.crema.io.internal.streamer.ObjectStream.Header;

/**
 * The file's TStreamerInfo list reduced to what the reader needs: each class's stored version.
 * Member layouts are hand-coded for the TTree classes, so the list only serves to report versions.
 */
public final class StreamerInfoList {
    private StreamerInfoList() {
    }

    /**
     * @param payload decompressed payload of the StreamerInfo key (a TList)
     * @return class name → class version, in list order
     */
    public static Map<String, Integer> classVersions(RootBuffer payload) {
        ObjectStream in = new ObjectStream(payload);
        Map<String, Integer> versions = new LinkedHashMap<>();
        Header list = in.header();
        in.tobject();
        payload.string(); // fName
        int n = payload.i32();
        if (n < 0 || n > payload.remaining() / 4) {
            throw payload.error("streamer list claims " + n + " entries");
        }
        for (int i = 0; i < n; i++) {
            in.objectAny((className, stream, end) -> {
                if (!className.equals("TStreamerInfo")) {
                    return null;
                }
                Header h = stream.header();
                String[] named = stream.tnamed();
                payload.i32(); // fCheckSum
                int version = payload.i32();
                versions.put(named[0], version);
                stream.skipTo(h, "TStreamerInfo");
                return named[0];
            });
            int optionLength = payload.u8();
            payload.skip(optionLength);
        }
        in.skipTo(list, "TList");
        return versions;
    }
}
