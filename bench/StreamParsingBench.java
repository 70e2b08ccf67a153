import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.pexper.ai.stream.JsonLines;
import com.pexper.ai.stream.ServerSentEvents;

/**
 * Issue 4, section 7: parsing a long recorded stream on one core (target >= 100,000 events/s).
 * Streams shaped like OpenAI's chat chunks (data lines), Anthropic's messages (event + data lines,
 * CRLF) and Ollama's NDJSON, 200,000 events each; the median of 11 timed passes after 5 warm-ups.
 * Only parsing is timed: each pass reads a fresh in-memory copy. Run by bench/run.sh.
 */
public final class StreamParsingBench {

    static final int EVENTS = 200_000;

    public static void main(String[] args) throws Exception {
        StringBuilder openai = new StringBuilder();
        StringBuilder anthropic = new StringBuilder();
        StringBuilder ollama = new StringBuilder();
        for (int i = 0; i < EVENTS; i++) {
            String token = "tok" + (i % 97) + " ";
            openai.append("data: {\"id\":\"chatcmpl-8x\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                    + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"").append(token)
                    .append("\"},\"finish_reason\":null}]}\n\n");
            anthropic.append("event: content_block_delta\r\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":\"").append(token).append("\"}}\r\n\r\n");
            ollama.append("{\"model\":\"llama3.2\",\"created_at\":\"2026-11-23T01:00:00Z\",\"message\":{\"role\":"
                    + "\"assistant\",\"content\":\"").append(token).append("\"},\"done\":false}\n");
        }
        System.out.printf(Locale.ROOT, "%-44s %12s %14s %10s%n", "stream (" + EVENTS + " events)", "size", "events/s",
                "target");
        report("OpenAI chat chunks (SSE)", openai.toString(), true);
        report("Anthropic message deltas (SSE, CRLF)", anthropic.toString(), true);
        report("Ollama chat (NDJSON)", ollama.toString(), false);
    }

    static void report(String name, String text, boolean sse) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<Double> rates = new ArrayList<>();
        for (int pass = 0; pass < 16; pass++) {
            InputStream source = new ByteArrayInputStream(bytes);
            long start = System.nanoTime();
            int n = 0;
            if (sse) {
                ServerSentEvents events = new ServerSentEvents(source);
                while (events.next() != null) {
                    n++;
                }
            } else {
                JsonLines lines = new JsonLines(source);
                while (lines.next() != null) {
                    n++;
                }
            }
            long elapsed = System.nanoTime() - start;
            if (n != EVENTS) {
                throw new IllegalStateException(name + ": parsed " + n + " events, expected " + EVENTS);
            }
            if (pass >= 5) {
                rates.add(n / (elapsed / 1e9));
            }
        }
        rates.sort(null);
        double median = rates.get(rates.size() / 2);
        System.out.printf(Locale.ROOT, "%-44s %9.1f MB %14.0f %10s  ratio %.1f%n", name, bytes.length / 1e6, median,
                ">= 100000", median / 100_000);
    }
}
