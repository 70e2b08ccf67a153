package com.pexper.imaging.filter;

import com.pexper.core.node.InvalidConfigurationException;
import com.pexper.core.node.Parameters;

/**
 * An image filter contributed through the {@code com.pexper.imaging.filters} extension point. Its
 * parameters and extra image inputs are declared in plugin.xml; Pexper turns every filter into a
 * node type with an {@code image} input, the declared inputs and an {@code image} output, so a
 * filter needs no node code.
 *
 * <p>As with node types, {@link #configure} checks parameters once before a run and returns the
 * operation that then runs for each image, possibly on several threads at once.
 */
public interface ImageFilter {

    /**
     * @param parameters the declared parameters, defaults filled in and types and ranges already checked
     * @throws InvalidConfigurationException with one message per problem, each saying what to fix
     */
    FilterOperation configure(Parameters parameters) throws InvalidConfigurationException;
}
