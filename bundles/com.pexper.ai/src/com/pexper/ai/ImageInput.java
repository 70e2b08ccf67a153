package com.pexper.ai;

import java.util.Base64;
import java.util.Objects;

/** An image sent to a vision model, already encoded (PNG or JPEG). */
public record ImageInput(byte[] data, String mediaType) {

    public ImageInput {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(mediaType, "mediaType");
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(data);
    }

    public String dataUrl() {
        return "data:" + mediaType + ";base64," + base64();
    }
}
