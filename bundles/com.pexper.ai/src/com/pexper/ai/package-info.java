/**
 * The AI provider API: what a provider plug-in implements, and the clients and registry that nodes
 * use.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.ai;
