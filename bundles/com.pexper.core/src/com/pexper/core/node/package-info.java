/** What a plug-in implements to add node types, and what the engine hands a running node. */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.core.node;
