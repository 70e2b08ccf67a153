package com.pexper.ai;

import java.util.Locale;

/** What a provider can do; nodes offer only providers that have what they need. */
public enum Capability {
    CHAT, STREAMING, VISION, IMAGE_GENERATION, EMBEDDINGS, MODEL_LISTING;

    /** The name used in plugin.xml: chat, streaming, vision, image-generation, embeddings, model-listing. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Capability fromId(String id) {
        for (Capability capability : values()) {
            if (capability.id().equals(id.trim())) {
                return capability;
            }
        }
        throw new IllegalArgumentException("unknown capability '" + id
                + "'; use chat, streaming, vision, image-generation, embeddings or model-listing");
    }
}
