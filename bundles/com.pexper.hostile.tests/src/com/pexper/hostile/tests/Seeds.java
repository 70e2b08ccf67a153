package com.pexper.hostile.tests;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The valid inputs the hostile cases are made from: workflows of the built-in nodes over a folder
 * of small files, and small images in every format Pexper reads, all built here.
 */
final class Seeds {

    private Seeds() {
    }

    /** Valid workflows, by name; each validates and runs in {@link #workflowFolder(Path)}. */
    static Map<String, String> workflows() {
        Map<String, String> seeds = new LinkedHashMap<>();
        seeds.put("greeting", """
                {
                  "formatVersion": 2,
                  "name": "Greeting",
                  "description": "A text filled into a template.",
                  "metadata": {"author": "Ada", "revision": 3},
                  "nodes": [
                    {"id": "name", "type": "com.pexper.nodes.basic.text", "version": "1.0.0", "label": "Name",
                     "position": [40, 80], "parameters": {"text": "  World "}},
                    {"id": "times", "type": "com.pexper.nodes.basic.number", "version": "1.0.0",
                     "parameters": {"value": 2.5}},
                    {"id": "hello", "type": "com.pexper.nodes.basic.template", "version": "1.0.0",
                     "parameters": {"template": "Hello {{name|trim}}, {{times}} times"}},
                    {"id": "result", "type": "com.pexper.nodes.basic.output", "version": "1.0.0"}
                  ],
                  "connections": [
                    {"from": "name.text", "to": "hello.name"},
                    {"from": "times.number", "to": "hello.times"},
                    {"from": "hello.text", "to": "result.value"}
                  ]
                }
                """);
        seeds.put("order", """
                {
                  "formatVersion": 2,
                  "name": "Order summary",
                  "nodes": [
                    {"id": "order", "type": "com.pexper.nodes.basic.readText", "version": "1.0.0",
                     "parameters": {"path": {"file": "data/order.json"}, "encoding": {"choice": "UTF-8"}}},
                    {"id": "customer", "type": "com.pexper.nodes.basic.jsonPath", "version": "1.0.0",
                     "parameters": {"path": "$.customer.name", "required": true}},
                    {"id": "items", "type": "com.pexper.nodes.basic.jsonPath", "version": "1.0.0",
                     "parameters": {"path": "$.items[*].name"}},
                    {"id": "summary", "type": "com.pexper.nodes.basic.template", "version": "1.0.0",
                     "parameters": {"template": "{{customer}} ordered: {{items}}"}},
                    {"id": "write", "type": "com.pexper.nodes.basic.writeText", "version": "1.0.0",
                     "parameters": {"path": {"file": "summary.txt"}, "overwrite": true}}
                  ],
                  "connections": [
                    {"from": "order.text", "to": "customer.json"},
                    {"from": "order.text", "to": "items.json"},
                    {"from": "customer.text", "to": "summary.customer"},
                    {"from": "items.text", "to": "summary.items"},
                    {"from": "summary.text", "to": "write.text"}
                  ]
                }
                """);
        seeds.put("notes", """
                {
                  "formatVersion": 2,
                  "name": "Notes digest",
                  "nodes": [
                    {"id": "notes", "type": "com.pexper.nodes.basic.listFolder", "version": "1.0.0",
                     "parameters": {"folder": {"file": "notes"}, "pattern": "*.txt", "recursive": false}},
                    {"id": "read", "type": "com.pexper.nodes.basic.readText", "version": "1.0.0"},
                    {"id": "picked", "type": "com.pexper.nodes.basic.fileList", "version": "1.0.0",
                     "parameters": {"paths": "notes/monday.txt\\n\\"notes/tuesday.txt\\""}},
                    {"id": "all", "type": "com.pexper.nodes.basic.join", "version": "1.0.0",
                     "parameters": {"prefix": "# Notes\\n", "separator": "\\n---\\n", "suffix": "\\n"}},
                    {"id": "result", "type": "com.pexper.nodes.basic.output", "version": "1.0.0"},
                    {"id": "count", "type": "com.pexper.nodes.basic.output", "version": "1.0.0"}
                  ],
                  "connections": [
                    {"from": "notes.files", "to": "read.file"},
                    {"from": "read.text", "to": "all.items"},
                    {"from": "all.text", "to": "result.value"},
                    {"from": "picked.files", "to": "count.value"}
                  ]
                }
                """);
        seeds.put("photo", """
                {
                  "formatVersion": 2,
                  "name": "Small photo",
                  "nodes": [
                    {"id": "read", "type": "com.pexper.imaging.read", "version": "1.0.0",
                     "parameters": {"path": {"file": "images/photo.png"}}},
                    {"id": "resize", "type": "com.pexper.imaging.resize", "version": "1.0.0",
                     "parameters": {"mode": {"choice": "fit"}, "width": 12, "height": 12}},
                    {"id": "adjust", "type": "com.pexper.imaging.adjust", "version": "1.0.0",
                     "parameters": {"brightness": 10.0, "contrast": -5}},
                    {"id": "pad", "type": "com.pexper.imaging.pad", "version": "1.0.0",
                     "parameters": {"top": 2, "left": 3, "color": {"color": "#336699"}}},
                    {"id": "save", "type": "com.pexper.imaging.save", "version": "1.0.0",
                     "parameters": {"name": "{name}-small.{ext}", "format": {"choice": "jpg"}, "quality": 80,
                                    "overwrite": true}}
                  ],
                  "connections": [
                    {"from": "read.image", "to": "resize.image"},
                    {"from": "resize.image", "to": "adjust.image"},
                    {"from": "adjust.image", "to": "pad.image"},
                    {"from": "pad.image", "to": "save.image"},
                    {"from": "read.file", "to": "save.source"}
                  ]
                }
                """);
        seeds.put("album", """
                {
                  "formatVersion": 2,
                  "name": "Album",
                  "nodes": [
                    {"id": "photos", "type": "com.pexper.nodes.basic.listFolder", "version": "1.0.0",
                     "parameters": {"folder": {"file": "images"}, "pattern": "*.{png,jpg,gif,bmp,tif,webp}"}},
                    {"id": "read", "type": "com.pexper.imaging.read", "version": "1.0.0"},
                    {"id": "gray", "type": "com.pexper.imaging.grayscale", "version": "1.0.0"},
                    {"id": "crop", "type": "com.pexper.imaging.crop", "version": "1.0.0",
                     "parameters": {"x": 0, "y": 0, "width": 1, "height": 1}},
                    {"id": "save", "type": "com.pexper.imaging.save", "version": "1.0.0",
                     "parameters": {"folder": {"file": "album"}, "name": "{name}.{ext}", "overwrite": true}}
                  ],
                  "connections": [
                    {"from": "photos.files", "to": "read.file"},
                    {"from": "read.image", "to": "gray.image"},
                    {"from": "gray.image", "to": "crop.image"},
                    {"from": "crop.image", "to": "save.image"},
                    {"from": "read.file", "to": "save.source"}
                  ]
                }
                """);
        return seeds;
    }

    /** Fills {@code folder} with what the seed workflows read. */
    static Path workflowFolder(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("data"));
        Files.writeString(folder.resolve("data/order.json"),
                "{\"customer\": {\"name\": \"Ada\"}, \"items\": [{\"name\": \"tea\"}, {\"name\": \"scones\"}]}");
        Files.createDirectories(folder.resolve("notes"));
        Files.writeString(folder.resolve("notes/monday.txt"), "Rain. Wrote the fuzzer.");
        Files.writeString(folder.resolve("notes/tuesday.txt"), "Sun. It found bugs.");
        Files.createDirectories(folder.resolve("images"));
        Files.write(folder.resolve("images/photo.png"), images().get("rgb.png"));
        Files.write(folder.resolve("images/photo.jpg"), images().get("rgb.jpg"));
        Files.write(folder.resolve("images/dot.webp"), images().get("dot.webp"));
        return folder;
    }

    private static Map<String, byte[]> images;

    /** Small valid images in every format and layout Pexper reads, by name; made once, deterministically. */
    static synchronized Map<String, byte[]> images() {
        if (images == null) {
            Map<String, byte[]> made = new LinkedHashMap<>();
            BufferedImage rgb = photoLike(BufferedImage.TYPE_INT_RGB, 24, 16);
            made.put("rgb.png", write(rgb, "png", null));
            made.put("rgba.png", write(photoLike(BufferedImage.TYPE_INT_ARGB, 20, 12), "png", null));
            made.put("gray16.png", write(photoLike(BufferedImage.TYPE_USHORT_GRAY, 16, 16), "png", null));
            made.put("indexed.png", write(photoLike(BufferedImage.TYPE_BYTE_INDEXED, 16, 10), "png", null));
            made.put("rgb.jpg", write(rgb, "jpeg", null));
            made.put("gray.jpg", write(photoLike(BufferedImage.TYPE_BYTE_GRAY, 24, 16), "jpeg", null));
            made.put("rgb.gif", write(rgb, "gif", null));
            made.put("rgb.bmp", write(rgb, "bmp", null));
            made.put("lzw.tif", write(photoLike(BufferedImage.TYPE_INT_RGB, 40, 30), "tiff", "LZW"));
            made.put("plain.tif", write(rgb, "tiff", ImageWriteParam.MODE_DISABLED + ""));
            // no WebP writer in the JDK or TwelveMonkeys: a lossless 1x1 picture made by libwebp
            made.put("dot.webp", Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=="));
            images = made;
        }
        return images;
    }

    /** Smooth areas and noise, as in a photo. */
    private static BufferedImage photoLike(int type, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, type);
        Random noise = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int alpha = type == BufferedImage.TYPE_INT_ARGB ? (x * 255 / width) << 24 : 0xFF000000;
                image.setRGB(x, y, alpha | (x * 255 / width) << 16 | (y * 255 / height) << 8
                        | (x < width / 2 ? noise.nextInt(256) : 90));
            }
        }
        return image;
    }

    /**
     * Encoded by the JDK's own writer for the format (not one a plug-in adds), so that the bytes are
     * the same in every run; {@code compression} is a compression type, the text of
     * {@link ImageWriteParam#MODE_DISABLED} for none, or null for the writer's default.
     */
    private static byte[] write(BufferedImage image, String format, String compression) {
        ImageWriter writer = null;
        for (Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format); writers.hasNext();) {
            ImageWriter candidate = writers.next();
            if (candidate.getClass().getName().startsWith("com.sun.imageio.")) {
                writer = candidate;
            }
        }
        if (writer == null) {
            throw new IllegalStateException("the JDK has no " + format + " writer");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if ((ImageWriteParam.MODE_DISABLED + "").equals(compression)) {
                param.setCompressionMode(ImageWriteParam.MODE_DISABLED);
            } else if (compression != null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(compression);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
