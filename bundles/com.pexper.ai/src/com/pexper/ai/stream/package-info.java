/** Readers of the streaming formats providers answer in: server-sent events and NDJSON. */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.ai.stream;
