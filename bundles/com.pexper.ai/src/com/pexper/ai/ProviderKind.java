package com.pexper.ai;

/** Where a provider's model runs, which decides what leaves the device. */
public enum ProviderKind {
    /** A service on the internet: prompts and images go to it over HTTPS. */
    CLOUD,
    /** A server on this machine (loopback): nothing leaves the device. */
    LOCAL,
    /** In this process: no network at all. */
    ON_DEVICE;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static ProviderKind fromId(String id) {
        for (ProviderKind kind : values()) {
            if (kind.id().equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown provider kind '" + id + "'; use cloud, local or on-device");
    }
}
