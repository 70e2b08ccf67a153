/** The engine that runs a workflow: requests, handles, events and results. */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.core.engine;
