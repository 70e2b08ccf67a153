package com.pexper.ai;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A provider as its extension declares it, before any of its code is loaded.
 *
 * @param startHint for local servers, how to start one ("ollama serve"), used when nothing answers; or null
 * @param contributor the bundle that contributes it
 */
public record ProviderDescriptor(String id, String version, String label, String description, ProviderKind kind,
        Set<Capability> capabilities, ProviderSettings settings, CredentialSpec credential, String startHint,
        String contributor, Supplier<ProviderFactory> factory) {

    public ProviderDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(factory, "factory");
        version = version == null ? "1.0.0" : version;
        label = label == null ? id : label;
        description = description == null ? "" : description;
        capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
        credential = credential == null ? CredentialSpec.NONE : credential;
    }

    public boolean can(Capability capability) {
        return capabilities.contains(capability);
    }
}
