package com.pexper.core.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.pexper.core.data.FileStamp;
import com.pexper.core.data.FileValue;
import com.pexper.core.data.ListValue;
import com.pexper.core.data.Value;

/**
 * A node's outputs kept for reuse. Files among them are stamped (size, modification time) when
 * stored; if one has since changed or gone, the result is stale and the node runs again, so a
 * deleted output file is written anew.
 */
public final class CachedResult {

    private final Map<String, Value> outputs;
    private final List<FileStamp> files;
    private final long sizeBytes;

    public CachedResult(Map<String, Value> outputs, List<FileStamp> files) {
        this.outputs = Map.copyOf(outputs);
        this.files = List.copyOf(files);
        long size = 64;
        for (Value value : outputs.values()) {
            size += value.sizeBytes();
        }
        this.sizeBytes = size;
    }

    /** Stamps the files among the outputs as they are now. */
    public static CachedResult of(Map<String, Value> outputs) {
        List<FileStamp> stamps = new ArrayList<>();
        for (Value value : outputs.values()) {
            stamp(value, stamps);
        }
        return new CachedResult(outputs, stamps);
    }

    private static void stamp(Value value, List<FileStamp> stamps) {
        if (value instanceof FileValue file) {
            FileStamp stamp = FileStamp.of(file.path());
            if (stamp != null) {
                stamps.add(stamp);
            }
        } else if (value instanceof ListValue list) {
            for (Value item : list.items()) {
                stamp(item, stamps);
            }
        }
    }

    public Map<String, Value> outputs() {
        return outputs;
    }

    public List<FileStamp> files() {
        return files;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    /** False when a file among the outputs changed or disappeared since the result was stored. */
    public boolean isFresh() {
        for (FileStamp stamp : files) {
            if (!stamp.isCurrent()) {
                return false;
            }
        }
        return true;
    }
}
