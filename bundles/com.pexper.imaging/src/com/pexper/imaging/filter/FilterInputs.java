package com.pexper.imaging.filter;

import java.util.Map;

import com.pexper.imaging.Image;

import org.osgi.annotation.versioning.ProviderType;

/** The extra images a filter declared, as connected in the workflow. */
@ProviderType
public final class FilterInputs {

    private final Map<String, Image> images;

    private FilterInputs(Map<String, Image> images) {
        this.images = Map.copyOf(images);
    }

    public static FilterInputs of(Map<String, Image> images) {
        return new FilterInputs(images);
    }

    public static FilterInputs none() {
        return new FilterInputs(Map.of());
    }

    /** The image at a declared input, or null when an optional input is not connected. */
    public Image get(String name) {
        return images.get(name);
    }
}
