/**
 * Diagnostics only with the user's consent: what leaves is scrubbed first ({@link com.pexper.diagnostics.Scrubber}).
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.diagnostics;
