/** The checks that need nothing but the workflow itself, and the problems they report. */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.model.validation;
