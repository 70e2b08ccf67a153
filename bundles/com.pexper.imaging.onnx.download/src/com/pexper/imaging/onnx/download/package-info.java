/**
 * Fetching the catalogue's models through the network gate, each checked against its pinned
 * hashes.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.imaging.onnx.download;
