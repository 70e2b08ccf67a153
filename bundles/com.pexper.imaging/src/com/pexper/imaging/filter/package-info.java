/** What a plug-in implements to add an image filter; each becomes a node type. */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.imaging.filter;
