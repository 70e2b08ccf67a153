/** Operating-system signals (Ctrl-C, TERM) turned into a clean stop of the run. */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.core.process;
