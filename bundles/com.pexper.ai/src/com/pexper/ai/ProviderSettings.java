package com.pexper.ai;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How Pexper talks to a provider: the provider's defaults from its extension, possibly changed by
 * the user (PEXPER_HOME/settings/providers.json).
 *
 * @param baseUrl the API's root, such as {@code https://api.openai.com/v1}; requests go to this origin only
 * @param maxConcurrentRequests how many calls may be in flight at once (a workflow's nodes wait their turn)
 * @param maxRetries how often a call is repeated after 429 or 5xx before the node fails
 * @param embeddingModel the model Embed text uses unless the node names one, or null
 * @param imageModel the model Generate image uses unless the node names one, or null
 */
public record ProviderSettings(String baseUrl, String defaultModel, Duration connectTimeout, Duration readTimeout,
        int maxConcurrentRequests, int maxRetries, String embeddingModel, String imageModel) {

    public ProviderSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(120) : readTimeout;
        maxConcurrentRequests = Math.max(1, maxConcurrentRequests);
        maxRetries = Math.max(0, maxRetries);
    }

    /**
     * These settings with the user's changes: keys baseUrl, defaultModel, connectTimeoutSeconds,
     * readTimeoutSeconds, maxConcurrentRequests, maxRetries, embeddingModel, imageModel.
     *
     * @throws IllegalArgumentException naming the setting that is not a number
     */
    public ProviderSettings with(Map<String, String> changes) {
        return new ProviderSettings(changes.getOrDefault("baseUrl", baseUrl),
                changes.getOrDefault("defaultModel", defaultModel),
                seconds(changes, "connectTimeoutSeconds", connectTimeout),
                seconds(changes, "readTimeoutSeconds", readTimeout),
                integer(changes, "maxConcurrentRequests", maxConcurrentRequests),
                integer(changes, "maxRetries", maxRetries), changes.getOrDefault("embeddingModel", embeddingModel),
                changes.getOrDefault("imageModel", imageModel));
    }

    private static Duration seconds(Map<String, String> changes, String key, Duration current) {
        String value = changes.get(key);
        if (value == null) {
            return current;
        }
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' must be a number of seconds, not '" + value + "'");
        }
    }

    private static int integer(Map<String, String> changes, String key, int current) {
        String value = changes.get(key);
        if (value == null) {
            return current;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' must be a whole number, not '" + value + "'");
        }
    }
}
