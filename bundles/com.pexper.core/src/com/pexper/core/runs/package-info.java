/** The records of past runs kept in PEXPER_HOME. */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.core.runs;
