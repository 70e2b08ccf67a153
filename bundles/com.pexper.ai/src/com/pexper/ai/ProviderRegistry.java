package com.pexper.ai;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.pexper.core.contribution.Contributions;
import com.pexper.core.contribution.Declaration;

/**
 * The AI providers contributed to the {@code com.pexper.ai.providers} extension point, read from the
 * extension registry in OSGi or from bundles' plugin.xml in a plain JVM. A malformed contribution
 * is skipped and reported in {@link #problems()}; the others stay usable. A provider's code is
 * loaded only when it is first used. One made by {@link #following} changes as provider plug-ins
 * are installed and removed; reading it is safe from any thread.
 */
public final class ProviderRegistry implements AutoCloseable {

    public static final String EXTENSION_POINT = "com.pexper.ai.providers";

    /** The providers and problems of one reading: replaced whole when plug-ins change. */
    private record Reading(Map<String, ProviderDescriptor> providers, List<String> problems) {
    }

    private volatile Reading reading = new Reading(Map.of(), List.of());
    private AutoCloseable watch = () -> {
    };

    private ProviderRegistry() {
    }

    /** The providers among these contributions now (the platform's, or plugin.xml files in a plain JVM). */
    public static ProviderRegistry from(Contributions contributions) {
        ProviderRegistry result = new ProviderRegistry();
        result.reading = read(contributions);
        return result;
    }

    /** The providers among these contributions, now and as plug-ins come and go, until closed. */
    public static ProviderRegistry following(Contributions contributions) {
        ProviderRegistry result = new ProviderRegistry();
        result.watch = contributions.watch(EXTENSION_POINT, new Contributions.Listener() {
            @Override
            public void added(List<Declaration> declarations) {
                result.reading = read(contributions);
            }

            @Override
            public void removed(List<Declaration> declarations) {
                result.reading = read(contributions);
            }
        });
        return result;
    }

    /** Stops following the plug-ins; the providers listed stay. */
    @Override
    public void close() {
        try {
            watch.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop listening to the plug-ins", e);
        }
    }

    private static Reading read(Contributions contributions) {
        Map<String, ProviderDescriptor> providers = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Declaration element : contributions.of(EXTENSION_POINT)) {
            if ("provider".equals(element.name())) {
                add(element, element.contributor(), providers, problems);
            }
        }
        return new Reading(Collections.unmodifiableMap(providers), List.copyOf(problems));
    }

    /** The providers declared in the plugin.xml files of the bundles containing these classes. */
    public static ProviderRegistry ofBundlesContaining(Class<?>... types) throws IOException {
        return from(Contributions.ofBundlesContaining(types));
    }

    /** Providers registered in code (tests, embedding). */
    public static ProviderRegistry of(ProviderDescriptor... descriptors) {
        Map<String, ProviderDescriptor> providers = new LinkedHashMap<>();
        for (ProviderDescriptor descriptor : descriptors) {
            providers.put(descriptor.id(), descriptor);
        }
        ProviderRegistry result = new ProviderRegistry();
        result.reading = new Reading(Collections.unmodifiableMap(providers), List.of());
        return result;
    }

    private static void add(Declaration element, String contributor, Map<String, ProviderDescriptor> providers,
            List<String> problems) {
        String id = element.attribute("id");
        if (id == null || element.attribute("factory") == null || element.attribute("kind") == null) {
            problems.add(contributor + ": a provider without an id, kind or factory was ignored");
            return;
        }
        if (providers.containsKey(id)) {
            problems.add(contributor + ": provider '" + id + "' is also contributed by "
                    + providers.get(id).contributor() + "; the first one is used");
            return;
        }
        try {
            Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
            String declared = element.attribute("capabilities");
            if (declared != null) {
                for (String capability : declared.split(",")) {
                    capabilities.add(Capability.fromId(capability));
                }
            }
            providers.put(id, new ProviderDescriptor(id, element.attribute("version"), element.attribute("label"),
                    element.attribute("description"), ProviderKind.fromId(element.attribute("kind")), capabilities,
                    settings(element), credential(element), element.attribute("startHint"), contributor,
                    () -> create(element, id)));
        } catch (RuntimeException e) {
            problems.add(contributor + ": provider '" + id + "' was ignored: " + e.getMessage());
        }
    }

    private static ProviderSettings settings(Declaration provider) {
        List<Declaration> all = provider.children("settings");
        if (all.isEmpty() || all.get(0).attribute("baseUrl") == null) {
            throw new IllegalArgumentException("it declares no <settings baseUrl=...>");
        }
        Declaration s = all.get(0);
        return new ProviderSettings(s.attribute("baseUrl"), s.attribute("defaultModel"),
                seconds(s.attribute("connectTimeoutSeconds"), 10), seconds(s.attribute("readTimeoutSeconds"), 120),
                number(s.attribute("maxConcurrentRequests"), 4), number(s.attribute("maxRetries"), 3),
                s.attribute("embeddingModel"), s.attribute("imageModel"));
    }

    private static CredentialSpec credential(Declaration provider) {
        List<Declaration> all = provider.children("credential");
        if (all.isEmpty()) {
            return CredentialSpec.NONE;
        }
        Declaration c = all.get(0);
        return new CredentialSpec(!"false".equals(c.attribute("required")), c.attribute("defaultName"),
                c.attribute("environmentVariable"), c.attribute("help"));
    }

    private static Duration seconds(String value, int otherwise) {
        return Duration.ofSeconds(value == null ? otherwise : Long.parseLong(value.trim()));
    }

    private static int number(String value, int otherwise) {
        return value == null ? otherwise : Integer.parseInt(value.trim());
    }

    private static ProviderFactory create(Declaration element, String id) {
        try {
            Object created = element.create("factory");
            if (created instanceof ProviderFactory factory) {
                return factory;
            }
            throw new IllegalStateException(created.getClass().getName() + " does not implement "
                    + ProviderFactory.class.getName());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot create provider '" + id + "': " + e.getMessage(), e);
        }
    }

    public Optional<ProviderDescriptor> find(String id) {
        return Optional.ofNullable(reading.providers().get(id));
    }

    public Collection<ProviderDescriptor> all() {
        return reading.providers().values();
    }

    public List<String> problems() {
        return reading.problems();
    }
}
