/** What plug-ins contribute to extension points, read the same way with OSGi and without it, as plug-ins come and go. */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.core.contribution;
