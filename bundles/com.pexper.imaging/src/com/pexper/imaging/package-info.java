/** Pexper's image type, its codecs and resampling. */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.imaging;
