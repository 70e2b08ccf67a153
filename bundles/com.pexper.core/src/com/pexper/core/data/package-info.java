/**
 * The values that flow along connections (text, numbers, files, images, JSON, lists) and the
 * conversions between them.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.core.data;
