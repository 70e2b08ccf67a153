package com.pexper.ui.editor.internal;

import java.util.List;
import java.util.Locale;

import org.eclipse.swt.graphics.ImageData;

import com.pexper.core.data.BooleanValue;
import com.pexper.core.data.FileValue;
import com.pexper.core.data.ImageValue;
import com.pexper.core.data.JsonValue;
import com.pexper.core.data.ListValue;
import com.pexper.core.data.NumberValue;
import com.pexper.core.data.TextValue;
import com.pexper.core.data.Value;
import com.pexper.core.engine.Redactor;

/** What a node produced, small enough to show under it on the canvas. */
sealed interface Preview {

    /** Text beyond this is not kept for a preview: a preview shows a few lines. */
    int MAX_TEXT = 16_000;
    /** The longest side of a thumbnail, in pixels: sharp at 200 % where it is drawn 96 units tall. */
    int THUMBNAIL_SIDE = 192;

    /** @param note what the text is ("1 of 200": the first item of a list), or null when it speaks for itself */
    String note();

    record Text(String text, String note) implements Preview {

        public Text {
            text = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        }

        /** The text with a piece that streamed in after it. */
        public Text append(String piece) {
            return text.length() >= MAX_TEXT ? this : new Text(text + piece, note);
        }
    }

    /**
     * @param thumbnail opaque: transparency is shown over a checkerboard
     * @param width the image's own size, not the thumbnail's
     */
    record Picture(ImageData thumbnail, int width, int height, String note) implements Preview {
    }

    /**
     * The preview of a node's first output.
     *
     * @param items how many items a node mapped over a list produced, -1 otherwise
     * @param firstItemOnly whether {@code values} are the first item's
     */
    static Preview of(List<Value> values, int items, boolean firstItemOnly, Redactor redactor) {
        if (values.isEmpty() || values.get(0) == null) {
            return items >= 0 ? new Text("", count(items)) : null;
        }
        Value value = values.get(0);
        String note = firstItemOnly ? "1 of " + String.format(Locale.ROOT, "%,d", items) : null;
        if (value instanceof ListValue list) {
            if (list.items().isEmpty()) {
                return new Text("", "an empty list");
            }
            note = "1 of a list of " + String.format(Locale.ROOT, "%,d", list.items().size());
            value = list.items().get(0);
        }
        return of(value, note, redactor);
    }

    private static Preview of(Value value, String note, Redactor redactor) {
        return switch (value) {
            case ImageValue image when Thumbnail.of(image, THUMBNAIL_SIDE) instanceof ImageData thumbnail ->
                new Picture(thumbnail, image.width(), image.height(), note);
            case TextValue text -> new Text(redactor.redact(text.text()), note);
            case NumberValue number -> new Text(number.format(), note);
            case BooleanValue yes -> new Text(yes.value() ? "yes" : "no", note);
            case JsonValue json -> new Text(redactor.redact(json.json().toPrettyString()), note);
            case FileValue file -> new Text(String.valueOf(file.path().getFileName()), note);
            default -> new Text(redactor.redact(value.summary()), note);
        };
    }

    private static String count(int items) {
        return items == 1 ? "1 item" : String.format(Locale.ROOT, "%,d items", items);
    }
}
