/** Building workflows in code, for tests, examples and tools. */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.model.build;
