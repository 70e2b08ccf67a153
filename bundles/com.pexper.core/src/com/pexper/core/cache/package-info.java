/**
 * Results kept by the key of what they depend on, in memory and on disk, so that a run does again
 * only what changed.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.core.cache;
