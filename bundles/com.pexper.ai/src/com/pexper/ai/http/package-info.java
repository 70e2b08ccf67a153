/** How providers talk to their servers: through the network gate only, in JSON. */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.ai.http;
