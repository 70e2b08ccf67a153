package com.pexper.ai;

import com.pexper.ai.http.ProviderHttp;

/**
 * What a provider gets to work with.
 *
 * @param key the API key, or null when none is needed or set (a local server)
 * @param keyName the name the key is stored under, for messages; null without a key
 * @param http the only way out: calls to {@code settings.baseUrl()}'s origin through the network gate
 */
public record ProviderSetup(ProviderDescriptor descriptor, ProviderSettings settings, Secret key, String keyName,
        ProviderHttp http) {
}
