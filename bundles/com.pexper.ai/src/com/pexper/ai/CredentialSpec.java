package com.pexper.ai;

/**
 * The credential a provider needs.
 *
 * @param required false for servers that work without a key (Ollama, most local servers)
 * @param defaultName the key name workflows use unless they name another ({@code ./pexper keys set NAME})
 * @param environmentVariable overrides the stored key when set (for CI), or null
 * @param help where the user gets a key
 */
public record CredentialSpec(boolean required, String defaultName, String environmentVariable, String help) {

    public static final CredentialSpec NONE = new CredentialSpec(false, null, null, null);
}
