package com.pexper.gallery;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One image a run wrote, and what made it.
 *
 * @param id stable for this file of this run: what thumbnails and deletions go by
 * @param created when the run that wrote it finished
 * @param workflow the workflow's name, or null
 * @param workflowFile the file the workflow came from, or null
 * @param workflowAsRun the workflow as it ran, kept with the run records; null once they let it go
 * @param nodeId the node that wrote the file
 * @param item the item of a batch that it is, or -1
 * @param source the file the image was made from (the photo of a cutout), or null
 * @param steps the nodes that made it, the first sources first and the node that wrote it last
 */
public record GalleryEntry(String id, Path file, Instant created, String runId, String workflow, Path workflowFile,
        Path workflowAsRun, String nodeId, int item, Path source, List<Step> steps) {

    /**
     * A node that took part, with its settings as they were. Credentials are never among them.
     *
     * @param label the node's own label, or null when it has none
     */
    public record Step(String nodeId, String type, String label, Map<String, String> parameters) {
    }

    public GalleryEntry {
        steps = List.copyOf(steps);
    }

    /** The prompt that made the image: of the nearest node that has one. */
    public Optional<String> prompt() {
        return setting("prompt");
    }

    public Optional<String> provider() {
        return setting("provider");
    }

    public Optional<String> model() {
        return setting("model");
    }

    public Optional<String> seed() {
        return setting("seed");
    }

    /** A setting of the nearest node to the image that has it, not empty. */
    public Optional<String> setting(String name) {
        for (Step step : steps.reversed()) {
            String value = step.parameters().get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether every word of the text is in its prompt, workflow, file name, source or settings (any
     * case). Settings of many lines, such as a list of all the batch's files, are not searched: they
     * would make every image of the batch match.
     */
    public boolean matches(String text) {
        String haystack = haystack();
        for (String word : text.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private String haystack() {
        StringBuilder all = new StringBuilder();
        all.append(file.getFileName()).append('\n').append(workflow).append('\n').append(source).append('\n');
        prompt().ifPresent(p -> all.append(p).append('\n'));
        for (Step step : steps) {
            all.append(step.label()).append('\n');
            step.parameters().values().stream().filter(v -> v.indexOf('\n') < 0).forEach(v -> all.append(v).append('\n'));
        }
        return all.toString().toLowerCase(Locale.ROOT);
    }
}
