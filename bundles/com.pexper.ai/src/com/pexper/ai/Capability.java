package com.pexper.ai;

import java.util.Locale;

/** What a provider can do; nodes offer only providers that have what they need. */
public enum Capability {
    CHAT, STREAMING, VISION, IMAGE_GENERATION,
    /** A new image from an image and a prompt (and, where the API takes one, a mask of what to change). */
    IMAGE_EDITING, EMBEDDINGS, MODEL_LISTING;

    /**
     * The name used in plugin.xml: chat, streaming, vision, image-generation, image-editing,
     * embeddings, model-listing.
     */
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
                + "'; use chat, streaming, vision, image-generation, image-editing, embeddings or model-listing");
    }
}
