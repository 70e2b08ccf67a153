package com.pexper.imaging.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.imaging.ImageDecoder;
import com.pexper.imaging.ImageEncoder;
import com.pexper.imaging.ImageFormat;

/** What an image will need, from its header, so that the engine can admit no more than fit. */
class DecodeMemoryTest {

    @TempDir
    Path folder;

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(folder.resolve(name), content);
    }

    @Test
    void whatAnImageNeedsFollowsItsDecodedLayoutWithAResultAndAMask() throws Exception {
        ImageDecoder decoder = new ImageDecoder();
        Path deep = write("deep.png", Pictures.encode(Pictures.random(40, 30, 4, 16, 1), ImageEncoder.png()));
        Path flat = write("flat.png", Pictures.encode(Pictures.random(40, 30, 4, 8, 1), ImageEncoder.png()));
        Path photo = write("photo.jpg", Pictures.encode(Pictures.gradient(40, 30),
                new ImageEncoder(ImageFormat.JPEG, 90, 0xffffff)));
        assertEquals(Files.size(deep) + 1200L * (8 + 8 + 1), decoder.memoryNeeded(deep), "image, 16-bit result, mask");
        assertEquals(Files.size(flat) + 1200L * (4 + 4 + 1), decoder.memoryNeeded(flat), "image, result, mask");
        assertEquals(Files.size(photo) + 1200L * (3 + 4 + 1), decoder.memoryNeeded(photo), "image, RGBA result, mask");
    }

    @Test
    void whatTheDecoderWouldRefuseAnywayNeedsNothing() throws Exception {
        Path bomb = write("bomb.png", Pictures.encode(Pictures.random(40, 30, 3, 8, 2), ImageEncoder.png()));
        assertEquals(0, new ImageDecoder(1000).memoryNeeded(bomb), "1200 pixels, above a limit of 1000");
        assertEquals(0, new ImageDecoder().memoryNeeded(write("notes.png", "just text".getBytes())));
        assertEquals(0, new ImageDecoder().memoryNeeded(folder.resolve("missing.png")));
    }
}
