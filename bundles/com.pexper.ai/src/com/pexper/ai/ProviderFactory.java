package com.pexper.ai;

/**
 * The code behind a provider, named by the {@code factory} attribute of its
 * {@code com.pexper.ai.providers} extension. Called once per provider, key and settings; the
 * provider it returns is used by many nodes at once.
 */
public interface ProviderFactory {

    AiProvider create(ProviderSetup setup);
}
