/**
 * A bench for testing a provider plug-in against a server on loopback (tests only, not shipped).
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.ai.testing;
