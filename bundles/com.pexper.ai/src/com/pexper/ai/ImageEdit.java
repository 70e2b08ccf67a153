package com.pexper.ai;

import java.util.Objects;

/**
 * What an image edit asks: a new image made from {@code image} as {@code prompt} says.
 *
 * @param model the image model
 * @param mask where the image may change (transparent) and where it must stay (opaque), the size
 *        of the image; null to let the model decide from the prompt
 * @param size such as 1024x1024, or null for the provider's default
 */
public record ImageEdit(String model, String prompt, ImageInput image, ImageInput mask, String size) {

    public ImageEdit {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(image, "image");
    }
}
