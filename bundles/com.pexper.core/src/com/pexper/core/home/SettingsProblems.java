package com.pexper.core.home;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A service that reads settings the user edits in {@code PEXPER_HOME/settings} and says what was
 * wrong with them (a malformed file, an unknown option), so that every command and window can tell
 * the user instead of silently using defaults.
 */
@ConsumerType
public interface SettingsProblems {

    /** One sentence per problem, naming the file and the fix; empty when all is well. */
    List<String> settingsProblems();
}
