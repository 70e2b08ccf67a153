/**
 * Checking a workflow against the installed node types, and setting its parameters from outside.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.core.workflow;
