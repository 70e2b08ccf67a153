/** Pexper's data folder (PEXPER_HOME) and what lives in it. */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.core.home;
