package com.pexper.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pexper.core.data.BooleanValue;
import com.pexper.core.data.Conversions;
import com.pexper.core.data.DataType;
import com.pexper.core.data.FileValue;
import com.pexper.core.data.JsonValue;
import com.pexper.core.data.ListValue;
import com.pexper.core.data.NumberValue;
import com.pexper.core.data.TextValue;

class ConversionsTest {

    @Test
    void numbersBooleansJsonAndFilesBecomeText() throws Exception {
        assertEquals(TextValue.of("3"), Conversions.convert(NumberValue.of(3), DataType.TEXT));
        assertEquals(TextValue.of("2.5"), Conversions.convert(NumberValue.of(2.5), DataType.TEXT));
        assertEquals(TextValue.of("true"), Conversions.convert(BooleanValue.TRUE, DataType.TEXT));
        assertEquals(TextValue.of("{\"a\":1}"),
                Conversions.convert(JsonValue.of(new ObjectMapper().readTree("{\"a\": 1}")), DataType.TEXT));
        assertEquals(TextValue.of("plain"),
                Conversions.convert(JsonValue.of(new ObjectMapper().readTree("\"plain\"")), DataType.TEXT));
        Path file = Path.of("/tmp/x.txt");
        assertEquals(TextValue.of(file.toString()), Conversions.convert(FileValue.of(file), DataType.TEXT));
    }

    @Test
    void textBecomesJsonByParsingItAndSaysWhereItIsNot() throws Exception {
        assertEquals(JsonValue.of(new ObjectMapper().readTree("{\"a\": [1, 2]}")),
                Conversions.convert(TextValue.of("{\"a\": [1, 2]}"), DataType.JSON));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Conversions.convert(TextValue.of("{\"a\": }"), DataType.JSON));
        assertTrue(e.getMessage().contains("not valid JSON (line 1, column"), e.getMessage());
    }

    @Test
    void malformedJsonDataGivesABoundedMessageWithoutTheParsersInternals() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Conversions.convert(TextValue.of("[1, q" + "z".repeat(30_000) + "]"), DataType.JSON));
        assertTrue(e.getMessage().startsWith("the text is not valid JSON (line 1, column 5): Unrecognized token"
                + " 'qzzz"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, e.getMessage());
        assertFalse(e.getMessage().contains("Source") || e.getMessage().contains("`"), e.getMessage());
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class,
                () -> Conversions.convert(TextValue.of("[" + "7".repeat(2000) + "]"), DataType.JSON));
        assertEquals("the text is not valid JSON: Number value length (2000) exceeds the maximum allowed (1000)",
                number.getMessage());
        IllegalArgumentException path = assertThrows(IllegalArgumentException.class,
                () -> Conversions.convert(TextValue.of("a\u0000" + "b".repeat(30_000)), DataType.FILE));
        assertTrue(path.getMessage().length() < 200, path.getMessage());
    }

    @Test
    void listsConvertItemByItemAndSingleValuesBecomeOneItemLists() {
        ListValue numbers = ListValue.of(DataType.NUMBER, List.of(NumberValue.of(1), NumberValue.of(2)));
        assertEquals(ListValue.of(DataType.TEXT, List.of(TextValue.of("1"), TextValue.of("2"))),
                Conversions.convert(numbers, DataType.listOf(DataType.TEXT)));
        assertEquals(ListValue.of(DataType.TEXT, List.of(TextValue.of("7"))),
                Conversions.convert(NumberValue.of(7), DataType.listOf(DataType.TEXT)));
    }

    @Test
    void nothingLossyHappensImplicitly() {
        assertFalse(Conversions.canConvert(DataType.TEXT, DataType.NUMBER));
        assertFalse(Conversions.canConvert(DataType.IMAGE, DataType.TEXT));
        assertFalse(Conversions.canConvert(DataType.listOf(DataType.TEXT), DataType.TEXT));
        assertFalse(Conversions.canConvert(DataType.ANY, DataType.TEXT));
        assertTrue(Conversions.canConvert(DataType.IMAGE, DataType.ANY));
        assertThrows(IllegalArgumentException.class, () -> Conversions.convert(TextValue.of("x"), DataType.NUMBER));
    }

    @Test
    void typeIdsRoundTrip() {
        DataType nested = DataType.listOf(DataType.listOf(DataType.IMAGE));
        assertEquals(nested, DataType.parse(nested.id()));
        assertEquals("List of List of Image", nested.displayName());
        assertThrows(IllegalArgumentException.class, () -> DataType.parse("video"));
    }
}
