package com.pexper.imaging.filter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.pexper.core.data.DataType;
import com.pexper.core.node.ParameterSpec;
import com.pexper.core.node.ParameterType;
import com.pexper.core.node.PortSpec;
import com.pexper.core.contribution.Contributions;
import com.pexper.core.contribution.Declaration;

/**
 * The image filters contributed to the {@code com.pexper.imaging.filters} extension point, read
 * from the extension registry in OSGi or from bundles' plugin.xml files in a plain JVM. A malformed
 * contribution is skipped and reported in {@link #problems()}; the others stay usable.
 */
public final class ImageFilters {

    public static final String EXTENSION_POINT = "com.pexper.imaging.filters";

    private final Map<String, FilterDescriptor> filters = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private ImageFilters() {
    }

    /** The filters among these contributions (the platform's, or plugin.xml files in a plain JVM). */
    public static ImageFilters from(Contributions contributions) {
        ImageFilters result = new ImageFilters();
        for (Declaration element : contributions.of(EXTENSION_POINT)) {
            if ("filter".equals(element.name())) {
                result.add(element, element.contributor());
            }
        }
        return result;
    }

    /** The filters declared in the plugin.xml files of the bundles containing these classes. */
    public static ImageFilters ofBundlesContaining(Class<?>... types) throws IOException {
        return from(Contributions.ofBundlesContaining(types));
    }

    private void add(Declaration element, String contributor) {
        String id = element.attribute("id");
        if (id == null || element.attribute("class") == null) {
            problems.add(contributor + ": a filter without an id or class was ignored");
            return;
        }
        if (filters.containsKey(id)) {
            problems.add(contributor + ": filter '" + id + "' is also contributed by " + filters.get(id).contributor()
                    + "; the first one is used");
            return;
        }
        try {
            List<ParameterSpec> parameters = new ArrayList<>();
            for (Declaration p : element.children("parameter")) {
                parameters.add(parameter(p));
            }
            List<PortSpec> inputs = new ArrayList<>();
            for (Declaration i : element.children("input")) {
                String name = required(i, "name");
                if (name.equals("image")) {
                    throw new IllegalArgumentException("the input name 'image' is taken by the image being filtered");
                }
                String description = i.attribute("description");
                inputs.add("true".equals(i.attribute("optional")) ? PortSpec.optional(name, DataType.IMAGE, description)
                        : PortSpec.required(name, DataType.IMAGE, description));
            }
            filters.put(id, new FilterDescriptor(id, element.attribute("version"), element.attribute("label"),
                    element.attribute("description"), parameters, inputs, contributor, () -> create(element, id)));
        } catch (RuntimeException e) {
            problems.add(contributor + ": filter '" + id + "' was ignored: " + e.getMessage());
        }
    }

    private static ImageFilter create(Declaration element, String id) {
        try {
            Object created = element.create("class");
            if (created instanceof ImageFilter filter) {
                return filter;
            }
            throw new IllegalStateException(created.getClass().getName() + " does not implement " + ImageFilter.class.getName());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot create filter '" + id + "': " + e.getMessage(), e);
        }
    }

    private static ParameterSpec parameter(Declaration p) {
        String name = required(p, "name");
        String typeName = required(p, "type").toUpperCase(Locale.ROOT);
        ParameterType type;
        try {
            type = ParameterType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter '" + name + "' has the unknown type '" + p.attribute("type")
                    + "'; use string, integer, decimal, boolean, choice, color or file");
        }
        ParameterSpec.Builder spec = ParameterSpec.of(name, type).label(p.attribute("label")).help(p.attribute("description"));
        if (p.attribute("choices") != null) {
            spec.choices(p.attribute("choices").split("\\s*,\\s*"));
        }
        if (p.attribute("min") != null) {
            spec.min(Double.parseDouble(p.attribute("min")));
        }
        if (p.attribute("max") != null) {
            spec.range(p.attribute("min") != null ? Double.parseDouble(p.attribute("min")) : -Double.MAX_VALUE,
                    Double.parseDouble(p.attribute("max")));
        }
        String value = p.attribute("default");
        if (value != null) {
            spec.defaultValue(switch (type) {
                case INTEGER -> Long.parseLong(value);
                case DECIMAL -> Double.parseDouble(value);
                case BOOLEAN -> Boolean.parseBoolean(value);
                default -> value;
            });
        } else if ("true".equals(p.attribute("required"))) {
            spec.required();
        }
        return spec.build();
    }

    private static String required(Declaration element, String attribute) {
        String value = element.attribute(attribute);
        if (value == null) {
            throw new IllegalArgumentException("'" + attribute + "' is missing");
        }
        return value;
    }

    public Optional<FilterDescriptor> find(String id) {
        return Optional.ofNullable(filters.get(id));
    }

    public Collection<FilterDescriptor> all() {
        return Collections.unmodifiableCollection(filters.values());
    }

    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }
}
