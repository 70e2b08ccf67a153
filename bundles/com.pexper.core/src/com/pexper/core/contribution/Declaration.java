package com.pexper.core.contribution;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One element a plug-in contributed to an extension point (a node type, an image filter, an AI
 * provider), read from the extension registry in OSGi or from a plugin.xml in a plain JVM: readers
 * of the declarations see the same thing either way.
 */
@ProviderType
public interface Declaration {

    /** The contributing bundle's symbolic name (a fragment's host, as the registry has it). */
    String contributor();

    /** The element's name: {@code nodeType}, {@code filter}, ... */
    String name();

    /** The attribute's value, or null when absent or empty. */
    String attribute(String name);

    List<Declaration> children(String name);

    /**
     * Creates the object named by a class attribute, with the contributor's class loader.
     *
     * @throws Exception when the class is missing, cannot be made, or throws
     */
    Object create(String attribute) throws Exception;
}
