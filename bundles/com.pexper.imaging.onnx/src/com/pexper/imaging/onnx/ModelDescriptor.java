package com.pexper.imaging.onnx;

import java.util.Objects;

/**
 * What Pexper knows about a segmentation model file: how to recognise it, how to feed it and whose
 * it is.
 *
 * @param id the id users type ({@code isnet-medium})
 * @param fileName the name it is installed under in the models folder
 * @param sha256 the file's SHA-256, lower-case hex, which installing checks; null when Pexper could not pin
 *        it (then installing needs the id named and checks the model's inputs and outputs instead)
 * @param size the file's size in bytes, or 0 when not pinned
 * @param inputName the input tensor, {@code [1, 3, inputSize, inputSize]} float, RGB planes
 * @param outputName the mask output, {@code [1, 1, inputSize, inputSize]}; the only output fetched
 * @param scale what a 0-255 sample is multiplied by before normalising (1/255 for RMBG-1.4)
 * @param mean subtracted after scaling, per channel
 * @param std divided by after subtracting the mean, per channel
 * @param license the model's license, as users must see it before relying on it
 * @param source where the file comes from and how to get it
 */
public record ModelDescriptor(String id, String label, String fileName, String sha256, long size, String inputName,
        String outputName, int inputSize, float scale, float[] mean, float[] std, String license, String source) {

    public ModelDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fileName, "fileName");
        if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
        if (inputSize < 8 || mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("an RGB model with an input of at least 8x8");
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** Whether the file's checksum is known, so that any other file can be refused. */
    public boolean isPinned() {
        return sha256 != null;
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }
}
